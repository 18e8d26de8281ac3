package org.kvali.report;

import java.util.Arrays;
import java.util.Set;

/**
 * Who runs each activity, as of the index's data version, for a partner's suppression check: the organizer's
 * organization number (from 1; 0 for none) per activity, and the database id of each organization number (from 0).
 */
record Organizers(int[] byActivity, long[] organizationIds) {

	/** Per activity, whether one of these organizations (database ids) runs it. */
	boolean[] runBy(Set<Long> organizations) {
		// the organizations looked for among all, unboxed and sorted: a partner of many is no slower per organization
		long[] wanted = organizations.stream().mapToLong(Long::longValue).sorted().toArray();
		var ours = new boolean[this.organizationIds.length + 1];
		for (int n = 0; n < this.organizationIds.length; n++) {
			ours[n + 1] = Arrays.binarySearch(wanted, this.organizationIds[n]) >= 0;
		}
		var run = new boolean[this.byActivity.length];
		for (int a = 0; a < run.length; a++) {
			run[a] = ours[this.byActivity[a]];
		}
		return run;
	}

}
