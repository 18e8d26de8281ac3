package org.kvali.graphql;

import graphql.ErrorClassification;

/** Error classifications beyond Spring's own. */
public enum KvaliErrorType implements ErrorClassification {

	/** The request would create something that exists already. */
	CONFLICT

}
