package org.kvali.report;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The parent of `totals` and `breakdown`: a checked filter, evaluated only by the fields the client asks for. All of
 * them count the index that was current when the first of them counted, so that a change committing between two of
 * them shows in neither, and a breakdown's participations add up to the totals beside it. When the index was not
 * ready then, all of them take the SQL path, where each is a snapshot of its own and may see such a change.
 */
public record ParticipationReport(ParticipationFilter filter, Data data) {

	public ParticipationReport(ParticipationFilter filter) {
		this(filter, new Data());
	}

	/**
	 * Which data the report's fields count: chosen by the first of them, kept for the others. An indicator's values
	 * and splits share one too, with whether the caller is told each filter's small numbers, decided on that data.
	 */
	public static final class Data {

		private ReportIndex source;

		private Optional<FactIndex> index;

		/** Whether small numbers are withheld from a partner of these organizations over the filter. */
		private record Decision(Set<Long> organizations, ParticipationFilter filter) {
		}

		private final Map<Decision, Boolean> suppressed = new ConcurrentHashMap<>();

		/** The month the years of a filter's programme begin in, once looked up (by a breakdown and withheld). */
		private final Map<ParticipationFilter, Integer> yearStarts = new ConcurrentHashMap<>();

		/** Whether the filter's range of ages was let through as one shown in full, narrower than one withheld. */
		private volatile boolean narrowAgesAllowed;

		/** The index {@code source} had current for the first field, or empty for the SQL path. */
		synchronized Optional<FactIndex> of(ReportIndex source) {
			// a report given to another service (tests compare two) counts that service's data
			if (this.source != source) {
				// taken once chosen: a choice that failed (the database unreachable) is made again by the next field,
				// which found the source taken and no index, and failed as an internal error (a review's)
				var index = source.current();
				this.source = source;
				this.index = index;
				this.suppressed.clear();
			}
			return this.index;
		}

		/**
		 * The same data with decisions of its own, made again: for the statements of one snapshot on the SQL path,
		 * which must not take a decision made on data committed before it began.
		 */
		synchronized Data apart() {
			var data = new Data();
			data.source = this.source;
			data.index = this.index;
			return data;
		}

		void allowNarrowAges() {
			this.narrowAgesAllowed = true;
		}

		boolean narrowAgesAllowed() {
			return this.narrowAgesAllowed;
		}

		/**
		 * Whether small numbers over the filter are withheld from a partner of these organizations, decided once for
		 * the data (outside the map's lock: the decision may be a statement).
		 */
		boolean suppressed(Set<Long> organizations, ParticipationFilter filter,
				Predicate<ParticipationFilter> decision) {
			var key = new Decision(Set.copyOf(organizations), filter);
			var known = this.suppressed.get(key);
			if (known == null) {
				known = decision.test(filter);
				this.suppressed.putIfAbsent(key, known);
			}
			return known;
		}

		/** The month the years of the filter's programme begin in, looked up once for the data's fields. */
		int yearStart(ParticipationFilter filter, ToIntFunction<ParticipationFilter> lookup) {
			var known = this.yearStarts.get(filter);
			if (known == null) {
				// a statement: run outside the map's lock, as a decision is
				known = lookup.applyAsInt(filter);
				this.yearStarts.putIfAbsent(filter, known);
			}
			return known;
		}

	}

}
