package org.kvali.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tables as read for a {@link FactIndex}, and how their rows become its columns. */
final class FactTables {

	private FactTables() {
	}

	/** Rows of one table, each an id and its text columns, numbered densely in the order read. */
	static final class Entities {

		final List<String[]> rows;

		private final Map<Long, Integer> dense = new HashMap<>();

		private final long[] ids;

		Entities(List<String[]> rows) {
			this.rows = rows;
			this.ids = new long[rows.size()];
			for (int i = 0; i < rows.size(); i++) {
				this.ids[i] = Long.parseLong(rows.get(i)[0]);
				this.dense.put(this.ids[i], i);
			}
		}

		int size() {
			return this.rows.size();
		}

		int dense(long id) {
			return this.dense.get(id);
		}

		List<String> column(int index) {
			var values = new ArrayList<String>(this.rows.size());
			this.rows.forEach(row -> values.add(row[index]));
			return values;
		}

	}

	/** The participation rows as they stream in, growing as needed. */
	static final class Facts {

		int rows;

		int[] participant = new int[1024];

		int[] activity = new int[1024];

		int[] organization = new int[1024];

		byte[] role = new byte[1024];

		void add(int person, int event, int org, byte part) {
			if (this.rows == this.participant.length) {
				int grown = this.rows * 2;
				this.participant = Arrays.copyOf(this.participant, grown);
				this.activity = Arrays.copyOf(this.activity, grown);
				this.organization = Arrays.copyOf(this.organization, grown);
				this.role = Arrays.copyOf(this.role, grown);
			}
			this.participant[this.rows] = person;
			this.activity[this.rows] = event;
			this.organization[this.rows] = org;
			this.role[this.rows] = part;
			this.rows++;
		}

		FactIndex index(long version, Entities people, Entities activities, Entities organizations) {
			Map<Dimension, Dictionary> dictionaries = new EnumMap<>(Dimension.class);
			Map<Dimension, int[]> columns = new EnumMap<>(Dimension.class);
			int n = this.rows;
			var participant = Arrays.copyOf(this.participant, n);
			var activity = Arrays.copyOf(this.activity, n);
			var organization = Arrays.copyOf(this.organization, n);

			// activity-level: code(1) kind(2) start(3) project(4) programme(5) venue municipality(6) venue region(7)
			activityColumn(Dimension.ACTIVITY, activities, 1, activity, dictionaries, columns);
			activityColumn(Dimension.ACTIVITY_KIND, activities, 2, activity, dictionaries, columns);
			activityColumn(Dimension.PROJECT, activities, 4, activity, dictionaries, columns);
			activityColumn(Dimension.PROGRAMME, activities, 5, activity, dictionaries, columns);
			activityColumn(Dimension.VENUE_MUNICIPALITY, activities, 6, activity, dictionaries, columns);
			activityColumn(Dimension.VENUE_REGION, activities, 7, activity, dictionaries, columns);
			var activityDay = new int[activities.size()];
			int firstYear = Integer.MAX_VALUE;
			int lastYear = Integer.MIN_VALUE;
			for (int a = 0; a < activityDay.length; a++) {
				var start = LocalDate.parse(activities.rows.get(a)[3]);
				activityDay[a] = (int) start.toEpochDay();
				firstYear = Math.min(firstYear, start.getYear());
				lastYear = Math.max(lastYear, start.getYear());
			}
			if (firstYear > lastYear) {
				firstYear = lastYear = LocalDate.now().getYear();
			}
			var startDay = new int[n];
			var year = new int[n];
			var quarter = new int[n];
			var month = new int[n];
			for (int i = 0; i < n; i++) {
				startDay[i] = activityDay[activity[i]];
				var date = LocalDate.ofEpochDay(startDay[i]);
				year[i] = date.getYear() - firstYear;
				quarter[i] = year[i] * 4 + (date.getMonthValue() - 1) / 3;
				month[i] = year[i] * 12 + date.getMonthValue() - 1;
			}
			periods(dictionaries, firstYear, lastYear);
			columns.put(Dimension.YEAR, year);
			columns.put(Dimension.QUARTER, quarter);
			columns.put(Dimension.MONTH, month);

			// participant-level: home municipality(1) region(2) gender(3) disability(4) birth year(5)
			personColumn(Dimension.MUNICIPALITY, Dictionary.sorted(people.column(1)), people, 1, participant, dictionaries, columns);
			personColumn(Dimension.REGION, Dictionary.sorted(people.column(2)), people, 2, participant, dictionaries, columns);
			personColumn(Dimension.GENDER, Dictionary.sorted(people.column(3)), people, 3, participant, dictionaries, columns);
			personColumn(Dimension.DISABILITY, Dictionary.ordered(List.of("false", "true")), people, 4, participant,
					dictionaries, columns);
			var ageBands = Dictionary.ordered(List.of("0", "1", "2", "3", "4"));
			dictionaries.put(Dimension.AGE_BAND, ageBands);
			var age = new int[n];
			for (int i = 0; i < n; i++) {
				var birth = people.rows.get(participant[i])[5];
				age[i] = birth == null ? ageBands.unknown()
						: band(LocalDate.ofEpochDay(startDay[i]).getYear() - Integer.parseInt(birth));
			}
			columns.put(Dimension.AGE_BAND, age);

			// organization represented: code(1) kind(2)
			var orgCodes = Dictionary.sorted(organizations.column(1));
			var orgKinds = Dictionary.sorted(organizations.column(2));
			var orgColumn = new int[n];
			var kindColumn = new int[n];
			for (int i = 0; i < n; i++) {
				int org = organization[i];
				orgColumn[i] = org < 0 ? orgCodes.unknown() : orgCodes.id(organizations.rows.get(org)[1]);
				kindColumn[i] = org < 0 ? orgKinds.unknown() : orgKinds.id(organizations.rows.get(org)[2]);
			}
			dictionaries.put(Dimension.ORGANIZATION, orgCodes);
			dictionaries.put(Dimension.ORGANIZATION_KIND, orgKinds);
			columns.put(Dimension.ORGANIZATION, orgColumn);
			columns.put(Dimension.ORGANIZATION_KIND, kindColumn);
			return new FactIndex(version, n, participant, activity, organization, people.size(), activities.size(),
					organizations.size(), Arrays.copyOf(this.role, n), startDay, columns, dictionaries, firstYear);
		}

		private static int band(int age) {
			return age < 18 ? 0 : age < 30 ? 1 : age < 45 ? 2 : age < 60 ? 3 : 4;
		}

		private static void periods(Map<Dimension, Dictionary> dictionaries, int firstYear, int lastYear) {
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
		}

		private static void activityColumn(Dimension dimension, Entities activities, int index, int[] activity,
				Map<Dimension, Dictionary> dictionaries, Map<Dimension, int[]> columns) {
			var dictionary = Dictionary.sorted(activities.column(index));
			var perActivity = new int[activities.size()];
			for (int a = 0; a < perActivity.length; a++) {
				perActivity[a] = dictionary.id(activities.rows.get(a)[index]);
			}
			var column = new int[activity.length];
			for (int i = 0; i < column.length; i++) {
				column[i] = perActivity[activity[i]];
			}
			dictionaries.put(dimension, dictionary);
			columns.put(dimension, column);
		}

		private static void personColumn(Dimension dimension, Dictionary dictionary, Entities people, int index,
				int[] participant, Map<Dimension, Dictionary> dictionaries, Map<Dimension, int[]> columns) {
			var perPerson = new int[people.size()];
			for (int p = 0; p < perPerson.length; p++) {
				perPerson[p] = dictionary.id(people.rows.get(p)[index]);
			}
			var column = new int[participant.length];
			for (int i = 0; i < column.length; i++) {
				column[i] = perPerson[participant[i]];
			}
			dictionaries.put(dimension, dictionary);
			columns.put(dimension, column);
		}

	}

}
