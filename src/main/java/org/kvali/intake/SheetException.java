package org.kvali.intake;

import org.springframework.http.HttpStatus;

/** The body is not a sheet Kvali can read at all (400), is too large (413), or of a type it does not take (415). */
class SheetException extends RuntimeException {

	private final HttpStatus status;

	SheetException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	HttpStatus status() {
		return this.status;
	}

}
