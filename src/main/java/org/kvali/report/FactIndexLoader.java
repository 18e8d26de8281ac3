package org.kvali.report;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the participation facts into a {@link FactIndex}: organizations, activities and persons once each, then the
 * participations as four numbers a row, each table by {@code COPY} in whatever order PostgreSQL reads it fastest, the
 * rows then grouped by person in memory. All of it, and the data version, in one repeatable-read transaction, so the
 * index is one consistent snapshot. When every change since the previous index inserted rows or corrected
 * participants, activities or participations (as noted in {@code fact_change}), only those rows are read, and
 * appended to the previous index's tables and rows or put in place of the rows they correct.
 */
@Component
class FactIndexLoader {

	private static final Logger log = LoggerFactory.getLogger(FactIndexLoader.class);

	private static final byte[][] ROLES = Arrays.stream(ParticipationRole.values())
		.map(role -> role.name().getBytes(StandardCharsets.US_ASCII))
		.toArray(byte[][]::new);

	// The columns these four read are the ones changeset 026 compares when it notes an update: change them together.
	private static final String ORGANIZATIONS = "SELECT id, code, kind FROM organization";

	private static final String ACTIVITIES = """
			SELECT a.id, a.code, a.kind, a.start_date - DATE '1970-01-01', pj.code, pg.code, a.venue_municipality_code,
			       vm.parent_code, a.organizer_id
			FROM activity a
			JOIN project pj ON pj.id = a.project_id
			JOIN programme pg ON pg.id = pj.programme_id
			LEFT JOIN geo_unit vm ON vm.code = a.venue_municipality_code""";

	private static final String PERSONS = """
			SELECT pt.id, pt.home_municipality_code, coalesce(hm.parent_code, om.parent_code, po.region_code),
			       pt.gender, pt.disability, pt.birth_year
			FROM participant pt
			LEFT JOIN geo_unit hm ON hm.code = pt.home_municipality_code
			LEFT JOIN organization po ON po.id = pt.organization_id
			LEFT JOIN geo_unit om ON om.code = po.municipality_code""";

	private static final String PARTICIPATIONS = "SELECT participant_id, activity_id, organization_id, role FROM participation";

	private static final String NEW_ORGANIZATIONS = ChangeNotes.inserted(ORGANIZATIONS, "id", "organization");

	private static final String NEW_ACTIVITIES = ChangeNotes.inserted(ACTIVITIES, "a.id", "activity");

	private static final String NEW_PERSONS = ChangeNotes.inserted(PERSONS, "pt.id", "participant");

	private static final String NEW_PARTICIPATIONS = ChangeNotes.inserted(PARTICIPATIONS, "id", "participation");

	private static final String CORRECTED_ACTIVITIES = ChangeNotes.corrected(ACTIVITIES, "a.id", "activity");

	private static final String CORRECTED_PERSONS = ChangeNotes.corrected(PERSONS, "pt.id", "participant");

	private static final String CORRECTED_PARTICIPATIONS = ChangeNotes.corrected(PARTICIPATIONS, "id", "participation");

	/** The tables an index was built from and the last change note it saw: what a later index appends to. */
	record Sources(SourceTable organizations, SourceTable activities, SourceTable persons, long lastChange) {
	}

	/** The database ids of the tables' rows, numbered in the tables' order. */
	private record Ids(DenseIds organizations, DenseIds activities, DenseIds persons) {

		Ids(SourceTable organizations, SourceTable activities, SourceTable persons) {
			this(new DenseIds(organizations.ids()), new DenseIds(activities.ids()), new DenseIds(persons.ids()));
		}

	}

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate snapshot;

	private final int cachedAnswers;

	/** How many indexes were built by appending to the previous one: for tests and the log. */
	private final AtomicInteger appended = new AtomicInteger();

	FactIndexLoader(DataSource dataSource, PlatformTransactionManager transactions,
			@Value("${kvali.report.cached-answers:512}") int cachedAnswers) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
		this.cachedAnswers = cachedAnswers;
	}

	/** A new index; from {@code previous} and the rows added since, when nothing else has changed since it. */
	FactIndex load(FactIndex previous) {
		return this.snapshot.execute(status -> {
			var connection = DataSourceUtils.getConnection(this.dataSource);
			try {
				return read(connection, previous);
			}
			catch (SQLException ex) {
				throw new SQLStateSQLExceptionTranslator().translate("loading the report index", null, ex);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, this.dataSource);
			}
		});
	}

	private FactIndex read(Connection connection, FactIndex previous) throws SQLException {
		long started = System.nanoTime();
		try (var statement = connection.createStatement()) {
			// reading every participation of a large database takes longer than the statement timeout of a request
			statement.execute("SELECT set_config('statement_timeout', '600s', true)");
		}
		long version = single(connection, "SELECT version FROM data_version");
		long lastChange = single(connection, "SELECT coalesce(max(id), 0) FROM fact_change");
		var caughtUp = previous == null ? null : append(connection, version, lastChange, previous);
		if (caughtUp != null) {
			this.appended.incrementAndGet();
			return caughtUp;
		}
		// nothing here refers to the previous index's tables any more: a whole read does not hold them too
		var organizations = new SourceTable(3);
		CopyRows.read(connection, ORGANIZATIONS, organizations::add);
		var activities = new SourceTable(9);
		CopyRows.read(connection, ACTIVITIES, activities::add);
		long tablesRead = System.nanoTime();
		var persons = new SourceTable(6);
		CopyRows.read(connection, PERSONS, persons::add);
		long personsRead = System.nanoTime();
		var ids = new Ids(organizations, activities, persons);
		// the planner's estimate sizes the arrays; counting exactly would read the whole table once more
		long estimate = single(connection,
				"SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'participation'::regclass");
		var facts = new Facts((int) Math.min(Integer.MAX_VALUE - 8, estimate + estimate / 16 + 1024), persons.size());
		CopyRows.read(connection, PARTICIPATIONS, fields -> facts.add(ids, fields));
		long participationsRead = System.nanoTime();
		var index = build(version, lastChange, organizations, activities, persons, ids, facts);
		log.info("Report index read: organizations and activities {} ms, persons {} ms, participations {} ms,"
				+ " columns {} ms", (tablesRead - started) / 1_000_000, (personsRead - tablesRead) / 1_000_000,
				(participationsRead - personsRead) / 1_000_000, (System.nanoTime() - participationsRead) / 1_000_000);
		return index;
	}

	/** Whether a load now would build on {@code previous}: every change since it noted the ids it changed. */
	boolean appendable(FactIndex previous) {
		long since = previous.appendableFrom();
		return since >= 0 && ChangeNotes.allWithIds(this.jdbc, since);
	}

	/**
	 * The previous index's tables and rows with the rows added and corrected since; null when something else changed,
	 * or the rows read are not those noted. The previous index gives its tables up: they are appended to and
	 * corrected, and a failure leaves it without them.
	 */
	private FactIndex append(Connection connection, long version, long lastChange, FactIndex previous)
			throws SQLException {
		long started = System.nanoTime();
		var sources = previous.takeSources();
		var changes = sources == null ? null : ChangeNotes.since(connection, sources.lastChange(), lastChange);
		if (changes == null) {
			return null;
		}
		if (changes.none()) {
			var index = previous.at(version);
			index.keepSources(new Sources(sources.organizations(), sources.activities(), sources.persons(), lastChange));
			log.info("Report index of data version {} holds what changed since {}: nothing it reads", version,
					previous.version);
			return index;
		}
		try (var statement = connection.prepareStatement("SELECT set_config('kvali.index_since', ?, true)")) {
			statement.setString(1, Long.toString(sources.lastChange()));
			statement.execute();
		}
		var organizations = sources.organizations();
		var activities = sources.activities();
		var persons = sources.persons();
		var added = changes.inserted();
		if (!appended(connection, NEW_ORGANIZATIONS, organizations, added.getOrDefault("organization", 0L))
				|| !appended(connection, NEW_ACTIVITIES, activities, added.getOrDefault("activity", 0L))
				|| !appended(connection, NEW_PERSONS, persons, added.getOrDefault("participant", 0L))) {
			log.warn("The rows read did not match the change notes; reading everything");
			return null;
		}
		var ids = new Ids(organizations, activities, persons);
		int correctedActivities = changes.corrected().contains("activity")
				? putInPlace(connection, CORRECTED_ACTIVITIES, activities, ids.activities()) : 0;
		int correctedPersons = changes.corrected().contains("participant")
				? putInPlace(connection, CORRECTED_PERSONS, persons, ids.persons()) : 0;
		if (correctedActivities < 0 || correctedPersons < 0) {
			return notInIndex();
		}
		long rows = added.getOrDefault("participation", 0L);
		var facts = new Facts(previous, (int) rows, persons.size());
		int correctedParticipations = changes.corrected().contains("participation")
				? facts.correct(connection, previous, ids) : 0;
		if (correctedParticipations < 0) {
			return notInIndex();
		}
		int corrected = correctedActivities + correctedPersons + correctedParticipations;
		CopyRows.read(connection, NEW_PARTICIPATIONS, fields -> facts.add(ids, fields));
		if (facts.rows != previous.rows + rows) {
			log.warn("The rows read did not match the change notes; reading everything");
			return null;
		}
		long read = System.nanoTime();
		var index = build(version, lastChange, organizations, activities, persons, ids, facts);
		log.info("Report index caught up: {} new participations, {} new persons and {} rows of corrections read in {}"
				+ " ms, columns {} ms", rows, added.getOrDefault("participant", 0L), corrected,
				(read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
		return index;
	}

	private static FactIndex notInIndex() {
		log.warn("A corrected row, or what it refers to, is not in the report index; reading everything");
		return null;
	}

	/**
	 * Reads the rows in the ranges of ids corrected since (with the unchanged rows between them) and puts each in place
	 * of its row in {@code table}; how many were read, or a negative number when one is not in the table.
	 */
	private static int putInPlace(Connection connection, String sql, SourceTable table, DenseIds ids)
			throws SQLException {
		int[] read = { 0 };
		CopyRows.read(connection, sql, fields -> {
			if (read[0] >= 0) {
				read[0] = table.replace(ids.find(fields.number(0)), fields) ? read[0] + 1 : Integer.MIN_VALUE;
			}
		});
		return read[0];
	}

	private static boolean appended(Connection connection, String sql, SourceTable table, long expected)
			throws SQLException {
		int before = table.size();
		CopyRows.read(connection, sql, table::add);
		return table.size() - before == expected;
	}

	/** The index over the tables and rows read: each entity's values, the dictionaries, the rows grouped by person. */
	private FactIndex build(long version, long lastChange, SourceTable organizations, SourceTable activities,
			SourceTable persons, Ids ids, Facts facts) {
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
		var startYear = new short[startDay.length];
		for (int a = 0; a < startDay.length; a++) {
			startYear[a] = (short) LocalDate.ofEpochDay(startDay[a]).getYear();
		}
		int firstYear = periods(startDay, dictionaries, attributes);
		var organizers = new Organizers(
				activities.column(8, 0, 0, organizer -> ids.organizations().of(Long.parseLong(organizer)) + 1),
				organizations.ids());
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
		var index = facts.index(version, attributes, birthYear, startYear, startDay, organizers, dictionaries,
				firstYear, this.cachedAnswers);
		index.keepSources(new Sources(organizations, activities, persons, lastChange));
		return index;
	}

	int appended() {
		return this.appended.get();
	}

	private static byte role(CopyRows fields) {
		for (byte r = 0; r < ROLES.length; r++) {
			if (fields.is(3, ROLES[r])) {
				return r;
			}
		}
		throw new IllegalStateException("A participation has a role the report index does not know: " + fields.text(3));
	}

	private static long single(Connection connection, String sql) throws SQLException {
		try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	/** A text dimension: its dictionary of the values present in column f, and the value id of every entity. */
	private static void attribute(Dimension dimension, SourceTable table, int f, int offset,
			Map<Dimension, Dictionary> dictionaries, Map<Dimension, int[]> attributes) {
		var dictionary = Dictionary.sorted(table.values(f));
		dictionaries.put(dimension, dictionary);
		attributes.put(dimension, table.column(f, offset, dictionary.unknown(), dictionary::id));
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
		var year = new int[startDay.length];
		var quarter = new int[startDay.length];
		var month = new int[startDay.length];
		for (int a = 0; a < startDay.length; a++) {
			var date = LocalDate.ofEpochDay(startDay[a]);
			year[a] = date.getYear() - firstYear;
			quarter[a] = year[a] * 4 + (date.getMonthValue() - 1) / 3;
			month[a] = year[a] * 12 + date.getMonthValue() - 1;
		}
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
		attributes.put(Dimension.YEAR, year);
		attributes.put(Dimension.QUARTER, quarter);
		attributes.put(Dimension.MONTH, month);
		return firstYear;
	}

	/** The participations as read, then grouped by person. */
	private static final class Facts {

		private int[] person;

		private int[] activity;

		private int[] organization;

		private byte[] role;

		private final int persons;

		/** The index whose rows these are, with any appended: the new index shares the columns that stay equal. */
		private FactIndex previous;

		int rows;

		Facts(int rows, int persons) {
			this.person = new int[rows];
			this.activity = new int[rows];
			this.organization = new int[rows];
			this.role = new byte[rows];
			this.persons = persons;
		}

		/** The rows of {@code previous}, with room for {@code more}. */
		Facts(FactIndex previous, int more, int persons) {
			this(previous.rows + more, persons);
			System.arraycopy(previous.person, 0, this.person, 0, previous.rows);
			System.arraycopy(previous.activity, 0, this.activity, 0, previous.rows);
			System.arraycopy(previous.organization, 0, this.organization, 0, previous.rows);
			System.arraycopy(previous.role, 0, this.role, 0, previous.rows);
			this.rows = previous.rows;
			this.previous = previous;
		}

		/**
		 * Reads the participations in the ranges of ids corrected since {@code previous} (with the unchanged ones
		 * between) and puts each one's organization and role in place of its row, found among its person's rows by its
		 * activity (both unchanged, else the correction was noted without ids); how many were read, or a negative
		 * number when one is not among the rows or names an organization the index lacks. The rows are still those of
		 * {@code previous}, in its order.
		 */
		int correct(Connection connection, FactIndex previous, Ids ids) throws SQLException {
			int[] read = { 0 };
			CopyRows.read(connection, CORRECTED_PARTICIPATIONS, fields -> {
				int row = read[0] < 0 ? -1 : previous.rowOf(ids.persons().find(fields.number(0)),
						ids.activities().find(fields.number(1)));
				int organization = fields.isNull(2) ? 0 : ids.organizations().find(fields.number(2)) + 1;
				if (row < 0 || organization == 0 && !fields.isNull(2)) {
					read[0] = Integer.MIN_VALUE;
					return;
				}
				this.organization[row] = organization;
				this.role[row] = role(fields);
				read[0]++;
			});
			return read[0];
		}

		void add(Ids ids, CopyRows fields) {
			add(ids.persons().of(fields.number(0)), ids.activities().of(fields.number(1)),
					fields.isNull(2) ? 0 : ids.organizations().of(fields.number(2)) + 1, role(fields));
		}

		void add(int p, int a, int o, byte r) {
			if (this.rows == this.person.length) {
				int size = this.rows + this.rows / 2 + 1024;
				this.person = Arrays.copyOf(this.person, size);
				this.activity = Arrays.copyOf(this.activity, size);
				this.organization = Arrays.copyOf(this.organization, size);
				this.role = Arrays.copyOf(this.role, size);
			}
			this.person[this.rows] = p;
			this.activity[this.rows] = a;
			this.organization[this.rows] = o;
			this.role[this.rows] = r;
			this.rows++;
		}

		FactIndex index(long version, Map<Dimension, int[]> attributes, short[] birthYear, short[] startYear,
				int[] startDay, Organizers organizers, Map<Dimension, Dictionary> dictionaries, int firstYear,
				int cachedAnswers) {
			var start = new int[this.persons + 1];
			for (int i = 0; i < this.rows; i++) {
				start[this.person[i] + 1]++;
			}
			for (int p = 0; p < this.persons; p++) {
				start[p + 1] += start[p];
			}
			var next = Arrays.copyOf(start, this.persons);
			var byActivity = new int[this.rows];
			var byOrganization = new int[this.rows];
			var byRole = new byte[this.rows];
			for (int i = 0; i < this.rows; i++) {
				int at = next[this.person[i]]++;
				byActivity[at] = this.activity[i];
				byOrganization[at] = this.organization[i];
				byRole[at] = this.role[i];
			}
			// the rows as read are not needed any more: let them go before the index builds its columns (at 10 million
			// 130 MB, which two indexes side by side in a 1.5 GB heap could not spare)
			this.person = null;
			this.activity = null;
			this.organization = null;
			this.role = null;
			return new FactIndex(version, start, byActivity, byOrganization, byRole, attributes, birthYear, startYear,
					startDay, organizers, dictionaries, firstYear, cachedAnswers, this.previous);
		}

	}

}
