package org.kvali.report;

import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.kvali.graphql.Dates;

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
				case AGE_BAND, AGE_GROUP, ROLE -> ROW;
				default -> ACTIVITY;
			};
		}

	}

	/** No birth year known. */
	static final short UNKNOWN_YEAR = 0;

	/** The oldest age a row holds: the years from the first Kvali takes to the last. */
	static final char AGE_CAP = (char) (Dates.LAST_YEAR - Dates.FIRST_YEAR);

	/** A row's age when no birth year is known. */
	static final char UNKNOWN_AGE = AGE_CAP + 1;

	final long version;

	final int rows;

	final int persons;

	final int activities;

	/** Organizations, and number 0 for "no organization represented": organization numbers start at 1. */
	final int organizationSlots;

	/** Who runs each activity. */
	final Organizers organizers;

	/** The rows of person p are {@code personStart[p]} to {@code personStart[p + 1] - 1}. */
	final int[] personStart;

	/** The person number of each row (ascending), for scans that go row by row without a loop per person. */
	final int[] person;

	/** The activity number of each row. */
	final int[] activity;

	/**
	 * The rows of activity a, ascending, are {@code activityRows[activityStart[a]]} to
	 * {@code activityRows[activityStart[a + 1] - 1]}: a filter of a few activities reads their rows alone.
	 */
	final int[] activityStart;

	final int[] activityRows;

	/** The organization number of each row, 0 when the person represented none. */
	final int[] organization;

	/** The {@link ParticipationRole} ordinal of each row. */
	final byte[] role;

	/** Per person: how many of their rows are in the PARTICIPANT role, the role reports count unless told otherwise. */
	final int[] participantRows;

	/** Per person, activity or organization number (as the dimension's level): the id of its value. */
	final Map<Dimension, int[]> attributes;

	/** Per person, or {@link #UNKNOWN_YEAR}. */
	final short[] birthYear;

	/** Per activity. */
	final short[] startYear;

	/** Per activity, as days since 1970-01-01. */
	final int[] startDay;

	/** Activities deleted since the index was first read: kept without rows, and no filter reaches beyond to them. */
	private final BitSet deletedActivities;

	/** The first and the last start day of any activity (as days since 1970-01-01). */
	final int firstDay;

	final int lastDay;

	final Map<Dimension, Dictionary> dictionaries;

	/** How YEAR, QUARTER and MONTH are numbered. */
	final PeriodNumbers periods;

	/** Answers already computed over this version, which never changes. */
	final AnswerCache answers;

	/** The persons known to each set of organizations lately asked ({@link #knownTo}). */
	private final KnownPersons known;

	/** The most bytes one question's counters may take ({@link ScanMemory}). */
	final long scanLimit;

	/** The activities of the filter last scanned and their rows ({@link #selection}); null before any. */
	private volatile ActivitySelection lastSelection;

	/** The coarser values of finer ones stored alike, by finer and coarser dimension, each read once. */
	private final Map<List<Dimension>, Optional<StoredCoarser>> storedCoarser;

	/** The tables this index was built from, until a newer index takes them to append to. */
	private FactIndexLoader.Sources sources;

	/**
	 * An index over rows grouped by person. {@code previous}, when not null, is the index this one was built from: its
	 * rows are here in the same order but those {@code changes} removed, with new rows at the positions it added. A
	 * column per row or per person whose inputs for its rows are unchanged keeps its values for them and is computed
	 * for the new rows alone (the rows by activity are built whole); when no row was added or removed and no person
	 * added, such a column, and the rows by activity when no activity was added, are shared, not copied.
	 */
	FactIndex(long version, int[] personStart, int[] activity, int[] organization, byte[] role,
			EntityColumns entities, IndexSettings settings, FactIndex previous, RowChanges changes) {
		var birthYear = entities.birthYear();
		var startYear = entities.startYear();
		var startDay = entities.startDay();
		var organizers = entities.organizers();
		var before = previous;
		var same = before != null && changes.none() && before.personStart.length == personStart.length ? before : null;
		this.version = version;
		this.rows = activity.length;
		this.persons = personStart.length - 1;
		this.activities = startDay.length;
		this.organizationSlots = organizers.organizationIds().length + 1;
		this.organizers = organizers;
		this.personStart = same == null ? personStart : same.personStart;
		this.activity = same == null ? activity : same.activity;
		boolean organizationsKept = before != null && changes.keeps(organization, before.organization);
		this.organization = organizationsKept && same != null ? same.organization : organization;
		this.role = same != null && Arrays.equals(same.role, role) ? same.role : role;
		this.attributes = new EnumMap<>(entities.attributes());
		this.birthYear = birthYear;
		this.startYear = startYear;
		this.startDay = startDay;
		this.deletedActivities = entities.deletedActivities();
		this.storedCoarser = new ConcurrentHashMap<>();
		this.firstDay = Arrays.stream(startDay).min().orElse(0);
		this.lastDay = Arrays.stream(startDay).max().orElse(0);
		this.dictionaries = new EnumMap<>(entities.dictionaries());
		this.periods = new PeriodNumbers(entities.firstYear());
		this.answers = new AnswerCache(settings.cachedAnswers(), settings.cachedGroups());
		this.known = new KnownPersons(entities.formerOrganizers());
		this.scanLimit = settings.scanLimit();
		this.person = same != null ? same.person : RowColumns.persons(this.personStart, this.rows);
		// each copy is a pass over all rows, independent of the others: on all cores at once
		this.rowValues.putAll(ROW_COPIES.parallelStream()
			.filter(dimension -> this.dictionaries.get(dimension).size() <= settings.rowCopyValues())
			.collect(Collectors.toMap(dimension -> dimension,
					dimension -> rowCopy(dimension, before, same, changes, organizationsKept), (a, b) -> a,
					() -> new EnumMap<>(Dimension.class))));
		this.rowValues.put(Dimension.ROLE, same != null && same.role == this.role ? same.rowValues.get(Dimension.ROLE)
				: RowColumns.roles(this.role, this.dictionaries.get(Dimension.ROLE)));
		boolean agesKept = before != null && RowColumns.startsWith(birthYear, before.birthYear)
				&& RowColumns.startsWith(startYear, before.startYear);
		this.rowValues.put(Dimension.AGE_BAND, agesKept && same != null ? same.rowValues.get(Dimension.AGE_BAND)
				: RowColumns.ages(birthYear, startYear, this.person, this.activity,
						agesKept ? before.rowValues.get(Dimension.AGE_BAND) : null, changes));
		boolean daysKept = before != null && before.rowDay != null && before.periods.equals(this.periods)
				&& RowColumns.startsWith(startDay, before.startDay);
		int dayZero = this.periods.dayZero();
		this.rowDay = !RowColumns.daysFit(startDay, dayZero, settings.rowCopyValues()) ? null
				: daysKept && same != null ? same.rowDay
						: RowColumns.days(startDay, this.activity, dayZero, daysKept ? before.rowDay : null, changes);
		boolean sameActivities = same != null && same.activities == this.activities;
		this.activityStart = sameActivities ? same.activityStart
				: RowColumns.activityStart(this.activity, this.activities);
		this.activityRows = sameActivities ? same.activityRows
				: RowColumns.activityRows(this.activity, this.activityStart);
		boolean rolesKept = before != null && changes.keeps(this.role, before.role);
		this.participantRows = rolesKept && same != null ? same.participantRows
				: RowColumns.participantRows(this.role, this.person, this.persons, rolesKept ? before : null, changes);
	}

	/**
	 * The copy of a dimension into the rows: {@code same}'s, when its rows and their values are these; else
	 * {@code before}'s values for its rows when they are unchanged, and the new rows' values.
	 */
	private char[] rowCopy(Dimension dimension, FactIndex before, FactIndex same, RowChanges changes,
			boolean organizationsKept) {
		boolean kept = before != null && before.rowValues.containsKey(dimension)
				&& (Level.of(dimension) != Level.ORGANIZATION || organizationsKept)
				&& RowColumns.startsWith(this.attributes.get(dimension), before.attributes.get(dimension));
		if (kept && same != null) {
			return same.rowValues.get(dimension);
		}
		var source = switch (Level.of(dimension)) {
			case ACTIVITY -> this.activity;
			case ORGANIZATION -> this.organization;
			default -> this.person;
		};
		return RowColumns.rowCopy(this.attributes.get(dimension), source,
				kept ? before.rowValues.get(dimension) : null, changes);
	}

	/** The row of person p at activity a (each takes part once), or -1 when there is none, or no such person. */
	int rowOf(int p, int a) {
		if (p < 0 || p >= this.persons) {
			return -1;
		}
		for (int i = this.personStart[p]; i < this.personStart[p + 1]; i++) {
			if (this.activity[i] == a) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * This index as of a later data version whose changes it does not read (an activity's title, say): the same rows,
	 * columns and answers, without building anything again.
	 */
	FactIndex at(long laterVersion) {
		return new FactIndex(this, laterVersion);
	}

	private FactIndex(FactIndex same, long version) {
		this.version = version;
		this.rows = same.rows;
		this.persons = same.persons;
		this.activities = same.activities;
		this.organizationSlots = same.organizationSlots;
		this.organizers = same.organizers;
		this.personStart = same.personStart;
		this.person = same.person;
		this.activity = same.activity;
		this.activityStart = same.activityStart;
		this.activityRows = same.activityRows;
		this.organization = same.organization;
		this.role = same.role;
		this.participantRows = same.participantRows;
		this.attributes = same.attributes;
		this.birthYear = same.birthYear;
		this.startYear = same.startYear;
		this.startDay = same.startDay;
		this.deletedActivities = same.deletedActivities;
		this.storedCoarser = same.storedCoarser;
		this.firstDay = same.firstDay;
		this.lastDay = same.lastDay;
		this.dictionaries = same.dictionaries;
		this.periods = same.periods;
		this.answers = same.answers;
		this.known = same.known;
		this.scanLimit = same.scanLimit;
		this.rowValues.putAll(same.rowValues);
		this.rowDay = same.rowDay;
	}

	synchronized void keepSources(FactIndexLoader.Sources kept) {
		this.sources = kept;
	}

	/** The last change note this index saw, while it still has its tables to append to; -1 when not. */
	synchronized long appendableFrom() {
		return this.sources == null ? -1 : this.sources.lastChange();
	}

	/** The tables this index was built from, once: the caller appends to them. */
	synchronized FactIndexLoader.Sources takeSources() {
		var taken = this.sources;
		this.sources = null;
		return taken;
	}

	/**
	 * Whether the filter's conditions on activities (programme, project, venue, kind, the activities named, start
	 * dates) leave in an activity that none of these organizations runs, or leave in no activity at all: taken for
	 * the partner's own, a filter of another's activity and a day it did not start on was answered in full, 0, and
	 * a search over days, venues and kinds found the day, venue and kind of an activity hidden from the partner (a
	 * tester's). What it asks of people and roles is left aside, so that the answer tells nothing of who took part.
	 */
	boolean reachesBeyond(ParticipationFilter filter, Set<Long> organizations) {
		return new ActivitiesBeyond(this, filter, organizations).reached();
	}

	/** The persons known to these organizations, as bits by person number ({@link KnownPersons#to}). */
	long[] knownTo(Set<Long> organizations) {
		return this.known.to(organizations, this);
	}

	/**
	 * The values of these dimensions of activities, as a breakdown's groups have them (grouped as {@code grouping}
	 * has them), of the activities the filter's conditions on activities leave in ({@link #reachesBeyond})
	 * that none of these organizations runs ({@link OwnKeys}).
	 */
	Set<List<Object>> valuesBeyond(ParticipationFilter filter, Set<Long> organizations, List<Dimension> dimensions,
			Grouping grouping) {
		return new ActivitiesBeyond(this, filter, organizations).values(dimensions, grouping);
	}

	/** The activities the filter leaves in and the rows they hold where few, as the last scan of it found them. */
	ActivitySelection selection(ParticipationFilter filter, int share) {
		var last = this.lastSelection;
		if (last == null || !last.holds(filter, share)) {
			last = ActivitySelection.of(this, filter, share);
			this.lastSelection = last;
		}
		return last;
	}

	/** Which coarser value each finer one lies in, where both are stored alike ({@link StoredCoarser}), or null. */
	StoredCoarser storedCoarser(Dimension finer, Dimension coarser) {
		return this.storedCoarser
			.computeIfAbsent(List.of(finer, coarser),
					pair -> Optional.ofNullable(StoredCoarser.read(this, finer, coarser)))
			.orElse(null);
	}

	/** Whether activity {@code a} (its number here) was deleted since the index was first read. */
	boolean activityDeleted(int a) {
		return this.deletedActivities.get(a);
	}

	/** Per activity, the {@link PeriodNumbers#id} of its start: a calendar's as stored, another's worked out. */
	int[] periodColumn(Dimension dimension, int yearStart) {
		return (yearStart - 1) % Period.months(dimension) == 0 ? this.attributes.get(dimension)
				: this.periods.of(dimension, this.startDay, yearStart);
	}

	/** The age band number of an age in years, as the participation_fact view bands it. */
	static int band(int age) {
		return age < 18 ? 0 : age < 30 ? 1 : age < 45 ? 2 : age < 60 ? 3 : 4;
	}

	/**
	 * What describes a row's person, activity or organization, copied into every row as a 16-bit value id where it
	 * has at most 65,536 values, so that a scan reads it in order instead of looking it up at random (at 10 million
	 * rows such look-ups cost more than all the rest of a row).
	 */
	static final List<Dimension> ROW_COPIES = List.of(Dimension.PROGRAMME, Dimension.PROJECT, Dimension.VENUE_REGION,
			Dimension.VENUE_MUNICIPALITY, Dimension.ACTIVITY_KIND, Dimension.ORGANIZER, Dimension.ORGANIZATION,
			Dimension.ORGANIZATION_KIND, Dimension.REGION, Dimension.MUNICIPALITY, Dimension.GENDER,
			Dimension.DISABILITY);

	/**
	 * Per row, the value id of each of {@link #ROW_COPIES} that fits in a row copy, and of ROLE; and under AGE_BAND not
	 * the band but the age ({@link RowColumns#ages}), which a scan plan turns into the band, so that ranges of ages
	 * are read from it too.
	 */
	final Map<Dimension, char[]> rowValues = new EnumMap<>(Dimension.class);

	/** The row column a dimension is read from (groups of ages from the ages), or null when rows do not carry it. */
	char[] rowColumn(Dimension dimension) {
		return this.rowValues.get(dimension == Dimension.AGE_GROUP ? Dimension.AGE_BAND : dimension);
	}

	/** Per row, its activity's start as days since {@link PeriodNumbers#dayZero}; null when they do not fit. */
	final char[] rowDay;

	/** Approximate bytes held by the columns, for the benchmark. */
	long bytes() {
		long total = 8L * this.persons + 4L * this.rows * 4 + this.rows
				+ 2L * this.birthYear.length + 14L * this.startDay.length + 8L * this.organizationSlots;
		for (var column : this.attributes.values()) {
			total += 4L * column.length;
		}
		for (var column : this.rowValues.values()) {
			total += 2L * column.length;
		}
		total += this.rowDay == null ? 0 : 2L * this.rowDay.length;
		return total;
	}

}
