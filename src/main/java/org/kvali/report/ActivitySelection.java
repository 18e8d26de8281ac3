package org.kvali.report;

import java.time.LocalDate;
import java.util.List;

import org.kvali.activity.ActivityKind;

/**
 * The activities a filter leaves in by what describes them and by its dates, and, where they hold at most one row in
 * {@code share} ({@link IndexScan#sparseShare}), their rows as bits in row order, for a scan to read those alone. An
 * index keeps the last one it made ({@link LastSelection}): a question's scans, its line totals', are of one
 * filter, and at 10 million participations finding a project's 477,600 rows took each of them about 9 ms (sampled).
 * The activities are told apart in their own order, each read once; numbering them by value id, which a breakdown by
 * activity needs ({@link #numbers}), reads at random, and made a dated question by quarter 5 ms slower.
 */
final class ActivitySelection {

	/** The rows of activities too many to be read alone, told apart from an index of no rows by identity. */
	private static final long[] TOO_MANY = new long[0];

	/** The index the selection is of. */
	private final FactIndex index;

	/** What of the filter the selection is made of. */
	private final OfActivities filter;

	private final int share;

	/** Per activity number, whether the filter leaves it in; null where it leaves every one in. */
	private final boolean[] kept;

	/** The kept activities' rows as bits, once asked for; {@link #TOO_MANY} where they are too many to read alone. */
	private volatile long[] rows;

	/** The kept activities numbered, once asked for. */
	private volatile ActivityNumbers numbers;

	private ActivitySelection(FactIndex index, OfActivities filter, int share, boolean[] kept) {
		this.index = index;
		this.filter = filter;
		this.share = share;
		this.kept = kept;
	}

	static ActivitySelection of(FactIndex index, ParticipationFilter filter, int share) {
		return new ActivitySelection(index, OfActivities.of(filter), share, kept(index, filter));
	}

	/**
	 * Whether this selection is of that filter's activities, made for scans that read few rows alone at that share:
	 * a partner's question and its strangers' differ in whom they count alone.
	 */
	boolean holds(ParticipationFilter filter, int share) {
		return this.filter.equals(OfActivities.of(filter)) && this.share == share;
	}

	/** What of a filter tells which activities it leaves in: what describes them, and the dates. */
	private record OfActivities(List<String> programmes, List<String> projects, List<String> venueRegions,
			List<String> venueMunicipalities, List<ActivityKind> activityKinds, List<String> activities,
			List<String> organizers, LocalDate from, LocalDate to) {

		static OfActivities of(ParticipationFilter filter) {
			return new OfActivities(filter.programmes(), filter.projects(), filter.venueRegions(),
					filter.venueMunicipalities(), filter.activityKinds(), filter.activities(), filter.organizers(),
					filter.from(), filter.to());
		}

	}

	/**
	 * The kept activities' rows as bits in row order, or null where they are too many or every activity is kept:
	 * found once a scan asks, not for whether a partner's filter reaches beyond its activities ({@link
	 * ActivitiesBeyond}), which an answer from the cache asks too.
	 */
	long[] rows() {
		if (this.kept == null) {
			return null;
		}
		var rows = this.rows;
		if (rows == null) {
			rows = rows(this.index, this.kept, this.share);
			this.rows = rows;
		}
		return rows == TOO_MANY ? null : rows;
	}

	/** Whether the filter leaves in the activity of this number. */
	boolean keeps(int activity) {
		return this.kept == null || this.kept[activity];
	}

	/** The kept activities numbered for a breakdown by activity, or null where every activity is kept. */
	ActivityNumbers numbers() {
		var numbers = this.numbers;
		if (numbers == null && this.kept != null) {
			numbers = ActivityNumbers.of(this.index, this.kept);
			this.numbers = numbers;
		}
		return numbers;
	}

	/**
	 * Per activity, whether the filter leaves it in; null where nothing about an activity is filtered by and its
	 * dates leave none out.
	 */
	private static boolean[] kept(FactIndex index, ParticipationFilter filter) {
		var allowed = new Allowed(index, filter);
		var filtered = allowed.of(Level.ACTIVITY);
		if (filtered.isEmpty() && !dated(index, filter)) {
			return null;
		}
		long from = filter.from() == null ? Long.MIN_VALUE : filter.from().toEpochDay();
		long to = filter.to() == null ? Long.MAX_VALUE : filter.to().toEpochDay();
		List<boolean[]> pass = filtered.stream().map(allowed::values).toList();
		List<int[]> columns = filtered.stream().map(index.attributes::get).toList();
		var kept = new boolean[index.activities];
		for (int a = 0; a < kept.length; a++) {
			boolean left = index.startDay[a] < from || index.startDay[a] > to;
			for (int d = 0; d < columns.size() && !left; d++) {
				left = !pass.get(d)[columns.get(d)[a]];
			}
			kept[a] = !left;
		}
		return kept;
	}

	/**
	 * Whether the filter's dates leave out some activity of the index: dates that leave none out (a dashboard's
	 * "everything until today") make no rows be read by their days.
	 */
	static boolean dated(FactIndex index, ParticipationFilter filter) {
		return filter.from() != null && filter.from().toEpochDay() > index.firstDay
				|| filter.to() != null && filter.to().toEpochDay() < index.lastDay;
	}

	private static long[] rows(FactIndex index, boolean[] kept, int share) {
		long count = 0;
		for (int a = 0; a < kept.length; a++) {
			if (kept[a]) {
				count += index.activityStart[a + 1] - index.activityStart[a];
			}
		}
		if (count * share > index.rows) {
			return TOO_MANY;
		}
		var selected = new long[(index.rows + 63) >>> 6];
		for (int a = 0; a < kept.length; a++) {
			if (kept[a]) {
				for (int r = index.activityStart[a]; r < index.activityStart[a + 1]; r++) {
					int row = index.activityRows[r];
					selected[row >>> 6] |= 1L << row;
				}
			}
		}
		return selected;
	}

}
