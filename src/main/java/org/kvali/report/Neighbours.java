package org.kvali.report;

import java.util.List;

/**
 * How the groups of a breakdown beside the question's are weighed for its caller, from those counted over the
 * question's filter: as they are ({@link #AS_COUNTED}), or for a partner, whose filter is of its strangers, with
 * the groups of its own people alone beside theirs ({@link CallerWeights}), as that breakdown asked alone weighs
 * them.
 */
interface Neighbours {

	/** The groups of the breakdown by {@code by}, weighed for the caller, from those counted over the filter. */
	List<ParticipationGroup> weighed(List<Dimension> by, List<ParticipationGroup> counted);

	/**
	 * Whether a group weighed as none, a partner's own shown by its key, is weighed as a small one ({@link
	 * LineTotalsQuery#weighed(List, List)}).
	 */
	boolean ownShown();

	/**
	 * Whether a breakdown beside these weighed groups by {@code by} may hold a small group, asked where none of
	 * them is of 1 to k-1 and some are weighed as none ({@link OwnGroupsBeside}); true where unsure.
	 */
	boolean maySmallBeside(List<Dimension> by, List<ParticipationGroup> weights);

	/** Each breakdown beside weighed as counted: a donor's, an administrator's. */
	Neighbours AS_COUNTED = new Neighbours() {

		@Override
		public List<ParticipationGroup> weighed(List<Dimension> by, List<ParticipationGroup> counted) {
			return counted;
		}

		@Override
		public boolean ownShown() {
			return false;
		}

		@Override
		public boolean maySmallBeside(List<Dimension> by, List<ParticipationGroup> weights) {
			return true;
		}

	};

}
