package org.kvali.graphql;

import graphql.ErrorClassification;

/** Error classifications beyond Spring's own. */
public enum KvaliErrorType implements ErrorClassification {

	/** The request would create something that exists already. */
	CONFLICT,

	/**
	 * The request ran past its time limit, or a part of it waited too long to start; what was not fetched by then is
	 * missing.
	 */
	TIMEOUT,

	/** The database cannot be reached or gave no connection in time; the client asks again later. */
	UNAVAILABLE

}
