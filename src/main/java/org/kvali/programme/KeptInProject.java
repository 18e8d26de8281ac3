package org.kvali.programme;

import java.util.List;

import org.kvali.graphql.Validation;

/**
 * What must keep a part in a project when its lead or partners change: kept by the activity feature, the
 * organizers of its activities.
 */
public interface KeptInProject {

	/**
	 * Adds a problem to {@code input.partners} (or {@code input.lead} when only it is given) for each organization
	 * that would have no part in the project: {@code lead} and {@code partners} are the new ones where given (null
	 * given to clear), else the stored ones stay.
	 */
	void checkChange(long project, boolean leadGiven, Long lead, boolean partnersGiven, List<Long> partners,
			Validation validation);

}
