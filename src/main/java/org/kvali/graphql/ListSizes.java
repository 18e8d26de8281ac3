package org.kvali.graphql;

import graphql.analysis.FieldComplexityEnvironment;

/**
 * The most items a list field can answer, where its arguments tell more than a page size: a document's weight
 * ({@link DocumentLimits}) counts a list by it rather than by the page assumed without {@code first}, and a field
 * answered by counting such a list whole (whether a breakdown withheld groups) by the list's.
 */
public interface ListSizes {

	/** The most items the field can answer, or null when this knows nothing of the field. */
	Integer most(FieldComplexityEnvironment field);

}
