package org.kvali.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the report index knows of each organization, activity and person, derived from the tables read: the
 * dictionary of every dimension and each entity's value id in it, birth and start years, start days, organizers and
 * persons' former organizers, and the activities deleted since they were read. The columns of organizations are
 * numbered from 1 (number 0 is "no organization").
 */
record EntityColumns(Map<Dimension, Dictionary> dictionaries, Map<Dimension, int[]> attributes, short[] birthYear,
		short[] startYear, int[] startDay, Organizers organizers, FormerOrganizers formerOrganizers, int firstYear,
		BitSet deletedActivities) {

	/** The columns of the tables read (see {@link FactIndexLoader} for their fields). */
	static EntityColumns of(SourceTable organizations, SourceTable activities, SourceTable persons, EntityIds ids) {
		Map<Dimension, Dictionary> dictionaries = new EnumMap<>(Dimension.class);
		Map<Dimension, int[]> attributes = new EnumMap<>(Dimension.class);
		// number 0 is "no organization": the attributes of organization n are at n + 1
		attribute(Dimension.ORGANIZATION, organizations, 1, 1, dictionaries, attributes);
		attribute(Dimension.ORGANIZATION_KIND, organizations, 2, 1, dictionaries, attributes);
		attribute(Dimension.ACTIVITY, activities, 1, 0, dictionaries, attributes);
		attribute(Dimension.ACTIVITY_KIND, activities, 2, 0, dictionaries, attributes);
		attribute(Dimension.PROJECT, activities, 4, 0, dictionaries, attributes);
		attribute(Dimension.PROGRAMME, activities, 5, 0, dictionaries, attributes);
		attribute(Dimension.VENUE_MUNICIPALITY, activities, 6, 0, dictionaries, attributes);
		attribute(Dimension.VENUE_REGION, activities, 7, 0, dictionaries, attributes);
		var startDay = activities.column(3, 0, 0, Integer::parseInt);
		var deleted = activities.deleted();
		// a deleted activity has no rows and no filter reaches it: it takes another's start day, so that a mistyped
		// year of one deleted widens no period and no span of days
		int kept = deleted.nextClearBit(0);
		deleted.stream().forEach(a -> startDay[a] = kept < startDay.length ? startDay[kept] : startDay[a]);
		var startYear = new short[startDay.length];
		for (int a = 0; a < startDay.length; a++) {
			startYear[a] = (short) LocalDate.ofEpochDay(startDay[a]).getYear();
		}
		int firstYear = periods(startDay, dictionaries, attributes);
		var organizers = new Organizers(
				activities.column(8, 0, 0, organizer -> ids.organizations().of(Long.parseLong(organizer)) + 1),
				organizations.ids());
		organizerColumn(organizers, dictionaries, attributes);
		attribute(Dimension.MUNICIPALITY, persons, 1, 0, dictionaries, attributes);
		attribute(Dimension.REGION, persons, 2, 0, dictionaries, attributes);
		attribute(Dimension.GENDER, persons, 3, 0, dictionaries, attributes);
		var disability = Dictionary.ordered(List.of("false", "true"));
		dictionaries.put(Dimension.DISABILITY, disability);
		attributes.put(Dimension.DISABILITY, persons.column(4, 0, disability.unknown(),
				flag -> disability.id("t".equals(flag) ? "true" : "false")));
		var births = persons.column(5, 0, FactIndex.UNKNOWN_YEAR, Integer::parseInt);
		var birthYear = new short[births.length];
		for (int p = 0; p < births.length; p++) {
			birthYear[p] = (short) births[p];
		}
		dictionaries.put(Dimension.AGE_BAND, Dictionary.ordered(List.of("0", "1", "2", "3", "4")));
		dictionaries.put(Dimension.ROLE,
				Dictionary.sorted(Arrays.stream(ParticipationRole.values()).map(Enum::name).toList()));
		return new EntityColumns(dictionaries, attributes, birthYear, startYear, startDay, organizers,
				FormerOrganizers.of(persons, 6), firstYear, deleted);
	}

	/** A text dimension: its dictionary of the values present in column f, and the value id of every entity. */
	private static void attribute(Dimension dimension, SourceTable table, int f, int offset,
			Map<Dimension, Dictionary> dictionaries, Map<Dimension, int[]> attributes) {
		var dictionary = Dictionary.sorted(table.values(f));
		dictionaries.put(dimension, dictionary);
		attributes.put(dimension, table.column(f, offset, dictionary.unknown(), dictionary::id));
	}

	/**
	 * ORGANIZER: the code of each activity's organizer (unknown for none), in a dictionary of the organizers' codes
	 * alone: numbered as all organizations are, a breakdown by it and gender at 10 million participations counted
	 * 300,000 groups for its 16 organizers' 96 (p50 84 ms over HTTP; 41 ms so).
	 */
	private static void organizerColumn(Organizers organizers, Map<Dimension, Dictionary> dictionaries,
			Map<Dimension, int[]> attributes) {
		var organizations = dictionaries.get(Dimension.ORGANIZATION);
		var codeOf = attributes.get(Dimension.ORGANIZATION);
		var byActivity = organizers.byActivity();
		var codes = new String[byActivity.length];
		for (int a = 0; a < codes.length; a++) {
			// organization number 0 is none, whose code is unknown (null)
			codes[a] = organizations.value(codeOf[byActivity[a]]);
		}
		var dictionary = Dictionary.sorted(Arrays.asList(codes));
		var organizer = new int[codes.length];
		for (int a = 0; a < organizer.length; a++) {
			organizer[a] = dictionary.id(codes[a]);
		}
		dictionaries.put(Dimension.ORGANIZER, dictionary);
		attributes.put(Dimension.ORGANIZER, organizer);
	}

	/** YEAR, QUARTER and MONTH of every activity, numbered from January of the first year; returns that year. */
	private static int periods(int[] startDay, Map<Dimension, Dictionary> dictionaries,
			Map<Dimension, int[]> attributes) {
		int firstYear = Integer.MAX_VALUE;
		int lastYear = Integer.MIN_VALUE;
		for (int day : startDay) {
			int year = LocalDate.ofEpochDay(day).getYear();
			firstYear = Math.min(firstYear, year);
			lastYear = Math.max(lastYear, year);
		}
		if (firstYear > lastYear) {
			firstYear = lastYear = LocalDate.now().getYear();
		}
		var numbers = new PeriodNumbers(firstYear);
		var years = new ArrayList<String>();
		var quarters = new ArrayList<String>();
		var months = new ArrayList<String>();
		for (int y = firstYear; y <= lastYear; y++) {
			years.add(Integer.toString(y));
			for (int q = 1; q <= 4; q++) {
				quarters.add(y + "-Q" + q);
			}
			for (int m = 1; m <= 12; m++) {
				months.add("%d-%02d".formatted(y, m));
			}
		}
		dictionaries.put(Dimension.YEAR, Dictionary.ordered(years));
		dictionaries.put(Dimension.QUARTER, Dictionary.ordered(quarters));
		dictionaries.put(Dimension.MONTH, Dictionary.ordered(months));
		for (var period : List.of(Dimension.YEAR, Dimension.QUARTER, Dimension.MONTH)) {
			attributes.put(period, numbers.of(period, startDay, 1));
		}
		return firstYear;
	}

}
