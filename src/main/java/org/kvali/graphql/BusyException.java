package org.kvali.graphql;

/** Work the service could not start in time because as much of it as it runs at once was under way. */
public class BusyException extends RuntimeException {

	public BusyException(String message) {
		super(message);
	}

}
