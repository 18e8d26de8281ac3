package org.kvali.report;

/**
 * The activities of the filter an index last scanned, and their rows ({@link ActivitySelection}): a question's scans,
 * its line totals', are of one filter.
 */
final class LastSelection {

	/** Null before any scan. */
	private volatile ActivitySelection last;

	/** The activities the filter leaves in and the rows they hold where few, as the last scan of it found them. */
	ActivitySelection of(FactIndex index, ParticipationFilter filter, int share) {
		var last = this.last;
		if (last == null || !last.holds(filter, share)) {
			last = ActivitySelection.of(index, filter, share);
			this.last = last;
		}
		return last;
	}

	/**
	 * The activities the filter leaves in, as the last scan found them where it scanned that filter, else found
	 * without keeping them: asked for whether a partner's filter reaches beyond its activities, also of an answer from
	 * the cache, which would otherwise replace the selection of a filter still being scanned.
	 */
	ActivitySelection unkept(FactIndex index, ParticipationFilter filter, int share) {
		var last = this.last;
		return last != null && last.holds(filter, share) ? last : ActivitySelection.of(index, filter, share);
	}

}
