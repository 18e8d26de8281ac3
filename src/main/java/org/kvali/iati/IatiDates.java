package org.kvali.iati;

import java.time.LocalDate;
import java.util.Map;

/**
 * The actual dates of a programme and its projects, from their activities as of a day: the first start of one begun,
 * and, of a project or programme whose planned end is past and whose activities have all ended, the last end. A
 * finished programme carried its planned dates alone, which IATI's portals show as never begun (a tester's).
 */
final class IatiDates {

	/** A project's, or (under null) the programme's, first start and last end. */
	record Span(LocalDate first, LocalDate last) {
	}

	private final Map<String, Span> spans;

	private final LocalDate today;

	IatiDates(Map<String, Span> spans, LocalDate today) {
		this.spans = spans;
		this.today = today;
	}

	/** The project's (or for null, the programme's) actual start: its first activity's, once begun. */
	LocalDate started(String projectCode) {
		var span = this.spans.get(projectCode);
		return span == null ? null : span.first();
	}

	/** The actual end, once the planned {@code end} is past and every activity has ended: the last one's end. */
	LocalDate ended(String projectCode, LocalDate end) {
		var span = this.spans.get(projectCode);
		return span == null || end == null || !end.isBefore(this.today) ? null : span.last();
	}

}
