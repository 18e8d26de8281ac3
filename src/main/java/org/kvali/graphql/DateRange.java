package org.kvali.graphql;

import java.time.LocalDate;

/** The from and to of a filter: a to before the from selects nothing, which is surely not what was meant. */
public final class DateRange {

	private DateRange() {
	}

	/** A BAD_REQUEST naming {@code argument} (the filter's to) when it is before {@code from}. */
	public static void requireOrdered(String argument, LocalDate from, LocalDate to) {
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidArgumentException(argument, to.toString(), reversed(from, to));
		}
	}

	/**
	 * What is wrong with a {@code to} before its {@code from}, in words for activities and audit entries alike (an
	 * audit filter was told that nothing starts: a tester's).
	 */
	public static String reversed(LocalDate from, LocalDate to) {
		return "to (" + to + ") is before from (" + from + "): no day lies between them, so nothing is selected";
	}

}
