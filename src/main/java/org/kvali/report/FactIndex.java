package org.kvali.report;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * An immutable in-memory copy of the participation facts at one data version. A row is a participation: its activity,
 * the organization represented and the role. Rows are grouped by person ({@link #personStart}), so distinct persons
 * are counted in one pass by remembering the last person a group counted. What describes a person, an activity or an
 * organization is stored once for each of them and looked up through the row's numbers.
 */
final class FactIndex {

	/** Where a dimension's values are stored: once per person, per activity or per organization, or per row. */
	enum Level {

		PERSON, ACTIVITY, ORGANIZATION, ROW;

		static Level of(Dimension dimension) {
			return switch (dimension) {
				case REGION, MUNICIPALITY, GENDER, DISABILITY -> PERSON;
				case ORGANIZATION, ORGANIZATION_KIND -> ORGANIZATION;
				case AGE_BAND -> ROW;
				default -> ACTIVITY;
			};
		}

	}

	/** No birth year known. */
	static final short UNKNOWN_YEAR = 0;

	final long version;

	final int rows;

	final int persons;

	final int activities;

	/** Organizations, and number 0 for "no organization represented": organization numbers start at 1. */
	final int organizationSlots;

	/** The rows of person p are {@code personStart[p]} to {@code personStart[p + 1] - 1}. */
	final int[] personStart;

	/** The activity number of each row. */
	final int[] activity;

	/** The organization number of each row, 0 when the person represented none. */
	final int[] organization;

	/** The {@link ParticipationRole} ordinal of each row. */
	final byte[] role;

	/** Per person, activity or organization number (as the dimension's level): the id of its value. */
	final Map<Dimension, int[]> attributes;

	/** Per person, or {@link #UNKNOWN_YEAR}. */
	final short[] birthYear;

	/** Per activity. */
	final short[] startYear;

	/** Per activity, as days since 1970-01-01. */
	final int[] startDay;

	final Map<Dimension, Dictionary> dictionaries;

	/** The year the YEAR, QUARTER and MONTH numbers count from. */
	final int firstYear;

	/** Answers already computed over this version, which never changes. */
	final AnswerCache answers;

	FactIndex(long version, int[] personStart, int[] activity, int[] organization, byte[] role,
			Map<Dimension, int[]> attributes, short[] birthYear, short[] startYear, int[] startDay,
			int organizationSlots, Map<Dimension, Dictionary> dictionaries, int firstYear, int cachedAnswers) {
		this.version = version;
		this.rows = activity.length;
		this.persons = personStart.length - 1;
		this.activities = startDay.length;
		this.organizationSlots = organizationSlots;
		this.personStart = personStart;
		this.activity = activity;
		this.organization = organization;
		this.role = role;
		this.attributes = new EnumMap<>(attributes);
		this.birthYear = birthYear;
		this.startYear = startYear;
		this.startDay = startDay;
		this.dictionaries = new EnumMap<>(dictionaries);
		this.firstYear = firstYear;
		this.answers = new AnswerCache(cachedAnswers);
	}

	/** The first day of the period a YEAR, QUARTER or MONTH number stands for. */
	LocalDate periodStart(Dimension dimension, int id) {
		return switch (dimension) {
			case YEAR -> LocalDate.of(this.firstYear + id, 1, 1);
			case QUARTER -> LocalDate.of(this.firstYear + id / 4, id % 4 * 3 + 1, 1);
			case MONTH -> LocalDate.of(this.firstYear + id / 12, id % 12 + 1, 1);
			default -> throw new IllegalArgumentException(dimension + " is not a period");
		};
	}

	/** The age band number of an age in years, as the participation_fact view bands it. */
	static int band(int age) {
		return age < 18 ? 0 : age < 30 ? 1 : age < 45 ? 2 : age < 60 ? 3 : 4;
	}

	/** Approximate bytes held by the columns, for the log and the benchmark. */
	long bytes() {
		long total = 4L * this.personStart.length + 4L * this.rows * 2 + this.rows
				+ 2L * this.birthYear.length + 6L * this.startDay.length;
		for (var column : this.attributes.values()) {
			total += 4L * column.length;
		}
		return total;
	}

}
