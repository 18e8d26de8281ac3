package org.kvali.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * The day it is where the programmes run: an activity of today counts in today's actuals from midnight there, not
 * from midnight in UTC (four hours later in Georgia). Indicators, reported values, the IATI export and the checks of
 * a sheet read today here; a GraphQL request reads it once ({@code org.kvali.graphql.RequestDay}), so that all its
 * answers are of one day. The latest birth year a sheet may give follows the database's own check instead.
 */
@Component
public class Today {

	/** The key of the request's day in the GraphQL context. */
	public static final String CONTEXT_KEY = "kvali.today";

	private final Clock clock;

	Today(Clock clock) {
		this.clock = clock;
	}

	public LocalDate date() {
		return LocalDate.now(this.clock);
	}

	/** The zone whose day is today. */
	public ZoneId zone() {
		return this.clock.getZone();
	}

	/** The time now, with the zone's offset. */
	public OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

}
