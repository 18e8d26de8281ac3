package org.kvali.report;

import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.kvali.graphql.Dates;

/**
 * An immutable in-memory copy of the participation facts at one data version (beside them, it keeps what it found
 * for the last filter scanned: {@link #selections}). A row is a participation: its activity, the organization
 * represented and the role. Rows are grouped by person ({@link #personStart}), so distinct persons are counted in one
 * pass by remembering the last person a group counted. What describes a person, an activity or an organization is
 * stored once for each of them and looked up through the row's numbers.
 */
final class FactIndex {

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

	/** What describes a row's person, activity or organization copied into every row, and its start day. */
	final RowCopies copies;

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

	/** The rows of each organization number, once a scan asks ({@link OrganizationRows}). */
	final OrganizationRows organizationRows;

	/** The organization and role of each row in activity order, once a scan asks ({@link RowsByActivity}). */
	final RowsByActivity rowsByActivity;

	/** The most bytes one question's counters may take ({@link ScanMemory}). */
	final long scanLimit;

	/** The activities of the filter last scanned and their rows. */
	final LastSelection selections = new LastSelection();

	/** The coarser values of finer ones stored alike, by finer and coarser dimension, each read once. */
	private final Map<List<Dimension>, Optional<StoredCoarser>> storedCoarser;

	/** The tables this index was built from, until a newer index takes them to append to. */
	final KeptSources sources = new KeptSources();

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
		this.organizationRows = new OrganizationRows(this.organization, this.organizationSlots);
		this.scanLimit = settings.scanLimit();
		this.person = same != null ? same.person : RowColumns.persons(this.personStart, this.rows);
		this.copies = new RowCopies(this, before, same, changes, organizationsKept, settings);
		boolean sameActivities = same != null && same.activities == this.activities;
		this.activityStart = sameActivities ? same.activityStart
				: RowColumns.startsOf(this.activity, this.activities);
		this.activityRows = sameActivities ? same.activityRows
				: RowColumns.rowsOf(this.activity, this.activityStart);
		boolean sameOrder = same != null && this.activityRows == same.activityRows
				&& this.organization == same.organization && this.role == same.role;
		this.rowsByActivity = sameOrder ? same.rowsByActivity
				: new RowsByActivity(this.activityRows, this.organization, this.role);
		boolean rolesKept = before != null && changes.keeps(this.role, before.role);
		this.participantRows = rolesKept && same != null ? same.participantRows
				: RowColumns.participantRows(this.role, this.person, this.persons, rolesKept ? before : null, changes);
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
		this.organizationRows = same.organizationRows;
		this.rowsByActivity = same.rowsByActivity;
		this.scanLimit = same.scanLimit;
		this.copies = same.copies;
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

	/** Approximate bytes held by the columns, for the benchmark. */
	long bytes() {
		long total = 8L * this.persons + 4L * this.rows * 4 + this.rows
				+ 2L * this.birthYear.length + 14L * this.startDay.length + 8L * this.organizationSlots;
		for (var column : this.attributes.values()) {
			total += 4L * column.length;
		}
		for (var column : this.copies.rowValues.values()) {
			total += 2L * column.length;
		}
		total += this.copies.rowDay == null ? 0 : 2L * this.copies.rowDay.length;
		return total + this.organizationRows.bytes() + this.rowsByActivity.bytes();
	}

}
