package org.kvali.intake;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.Optional;

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

	/** A body that could not be read to its end: one that broke off ({@link #brokenOff}), else a fault of the server. */
	static RuntimeException unread(IOException ex) {
		return brokenOff(ex).<RuntimeException>map(brokenOff -> brokenOff)
			.orElseGet(() -> new UncheckedIOException("Could not read the request body", ex));
	}

	/**
	 * A body that broke off before its end, if {@code ex} says so: the client closed the connection (the server
	 * reads an end of file before the length it was told), or sent nothing for longer than the server waits. It was
	 * told as CSV that is not readable, a quoted value never closed, which sent the partner looking for a fault in
	 * the sheet.
	 */
	static Optional<SheetException> brokenOff(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof EOFException) {
				return Optional.of(new SheetException(HttpStatus.BAD_REQUEST, "The upload was cut off before the "
						+ "whole sheet arrived; nothing was stored: send it again"));
			}
			if (cause instanceof SocketTimeoutException) {
				// 408, as the server answers it
				return Optional.of(new SheetException(HttpStatus.REQUEST_TIMEOUT, "The upload stalled: nothing more "
						+ "arrived for too long, before the whole sheet had; nothing was stored: send it again"));
			}
		}
		return Optional.empty();
	}

}
