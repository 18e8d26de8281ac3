package org.kvali.report;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
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
 * index is one consistent snapshot.
 */
@Component
class FactIndexLoader {

	private static final Logger log = LoggerFactory.getLogger(FactIndexLoader.class);

	private static final byte[][] ROLES = Arrays.stream(ParticipationRole.values())
		.map(role -> role.name().getBytes(StandardCharsets.US_ASCII))
		.toArray(byte[][]::new);

	private static final String ORGANIZATIONS = "SELECT id, code, kind FROM organization";

	private static final String ACTIVITIES = """
			SELECT a.id, a.code, a.kind, a.start_date - DATE '1970-01-01', pj.code, pg.code, a.venue_municipality_code,
			       vm.parent_code
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

	private final DataSource dataSource;

	private final TransactionTemplate snapshot;

	private final int cachedAnswers;

	FactIndexLoader(DataSource dataSource, PlatformTransactionManager transactions,
			@Value("${kvali.report.cached-answers:512}") int cachedAnswers) {
		this.dataSource = dataSource;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
		this.cachedAnswers = cachedAnswers;
	}

	FactIndex load() {
		return this.snapshot.execute(status -> {
			var connection = DataSourceUtils.getConnection(this.dataSource);
			try {
				return read(connection);
			}
			catch (SQLException ex) {
				throw new SQLStateSQLExceptionTranslator().translate("loading the report index", null, ex);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, this.dataSource);
			}
		});
	}

	private FactIndex read(Connection connection) throws SQLException {
		long started = System.nanoTime();
		try (var statement = connection.createStatement()) {
			// reading every participation of a large database takes longer than the statement timeout of a request
			statement.execute("SELECT set_config('statement_timeout', '600s', true)");
		}
		long version = single(connection, "SELECT version FROM data_version");
		// the planner's estimate sizes the arrays; counting exactly would read the whole table once more
		long estimate = single(connection,
				"SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'participation'::regclass");
		Map<Dimension, Dictionary> dictionaries = new EnumMap<>(Dimension.class);
		Map<Dimension, int[]> attributes = new EnumMap<>(Dimension.class);

		var organizations = new Table(3);
		CopyRows.read(connection, ORGANIZATIONS, organizations::add);
		// number 0 is "no organization": the attributes of organization n are at n + 1
		attribute(Dimension.ORGANIZATION, organizations.column(1, 1), dictionaries, attributes);
		attribute(Dimension.ORGANIZATION_KIND, organizations.column(2, 1), dictionaries, attributes);
		var organizationIds = new DenseIds(organizations.ids());

		var activities = new Table(8);
		CopyRows.read(connection, ACTIVITIES, activities::add);
		attribute(Dimension.ACTIVITY, activities.column(1, 0), dictionaries, attributes);
		attribute(Dimension.ACTIVITY_KIND, activities.column(2, 0), dictionaries, attributes);
		attribute(Dimension.PROJECT, activities.column(4, 0), dictionaries, attributes);
		attribute(Dimension.PROGRAMME, activities.column(5, 0), dictionaries, attributes);
		attribute(Dimension.VENUE_MUNICIPALITY, activities.column(6, 0), dictionaries, attributes);
		attribute(Dimension.VENUE_REGION, activities.column(7, 0), dictionaries, attributes);
		var days = activities.column(3, 0);
		var startDay = new int[days.length];
		var startYear = new short[days.length];
		for (int a = 0; a < days.length; a++) {
			startDay[a] = Integer.parseInt(days[a]);
			startYear[a] = (short) LocalDate.ofEpochDay(startDay[a]).getYear();
		}
		int firstYear = periods(startDay, dictionaries, attributes);
		var activityIds = new DenseIds(activities.ids());

		long tablesRead = System.nanoTime();
		var persons = new Table(6);
		CopyRows.read(connection, PERSONS, persons::add);
		attribute(Dimension.MUNICIPALITY, persons.column(1, 0), dictionaries, attributes);
		attribute(Dimension.REGION, persons.column(2, 0), dictionaries, attributes);
		attribute(Dimension.GENDER, persons.column(3, 0), dictionaries, attributes);
		var disability = Dictionary.ordered(List.of("false", "true"));
		dictionaries.put(Dimension.DISABILITY, disability);
		attributes.put(Dimension.DISABILITY, Arrays.stream(persons.column(4, 0))
			.mapToInt(flag -> flag == null ? disability.unknown() : disability.id("t".equals(flag) ? "true" : "false"))
			.toArray());
		var birthYear = new short[persons.size()];
		var births = persons.column(5, 0);
		for (int p = 0; p < births.length; p++) {
			birthYear[p] = births[p] == null ? FactIndex.UNKNOWN_YEAR : Short.parseShort(births[p]);
		}
		dictionaries.put(Dimension.AGE_BAND, Dictionary.ordered(List.of("0", "1", "2", "3", "4")));
		var personIds = new DenseIds(persons.ids());

		long personsRead = System.nanoTime();
		var facts = new Facts((int) Math.min(Integer.MAX_VALUE - 8, estimate + estimate / 16 + 1024), persons.size());
		CopyRows.read(connection, PARTICIPATIONS, fields -> facts.add(personIds.of(fields.number(0)),
				activityIds.of(fields.number(1)), fields.isNull(2) ? 0 : organizationIds.of(fields.number(2)) + 1,
				role(fields)));
		long participationsRead = System.nanoTime();
		var index = facts.index(version, attributes, birthYear, startYear, startDay, organizations.size() + 1,
				dictionaries, firstYear, this.cachedAnswers);
		log.info("Report index read: organizations and activities {} ms, persons {} ms, participations {} ms,"
				+ " columns {} ms", (tablesRead - started) / 1_000_000, (personsRead - tablesRead) / 1_000_000,
				(participationsRead - personsRead) / 1_000_000, (System.nanoTime() - participationsRead) / 1_000_000);
		return index;
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

	/** A text dimension: its dictionary of the values present, and the value id of every entity. */
	private static void attribute(Dimension dimension, String[] values, Map<Dimension, Dictionary> dictionaries,
			Map<Dimension, int[]> attributes) {
		var dictionary = Dictionary.sorted(Arrays.asList(values));
		var ids = new int[values.length];
		for (int n = 0; n < values.length; n++) {
			ids[n] = dictionary.id(values[n]);
		}
		dictionaries.put(dimension, dictionary);
		attributes.put(dimension, ids);
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

	/** The rows of a small table as read: an id and text columns, the same text kept once. */
	private static final class Table {

		private final int width;

		private long[] ids = new long[1024];

		private final List<String[]> rows = new ArrayList<>();

		private final Map<String, String> kept = new HashMap<>();

		Table(int width) {
			this.width = width;
		}

		void add(CopyRows fields) {
			if (this.rows.size() == this.ids.length) {
				this.ids = Arrays.copyOf(this.ids, this.ids.length * 2);
			}
			this.ids[this.rows.size()] = fields.number(0);
			var row = new String[this.width];
			for (int f = 1; f < this.width; f++) {
				var text = fields.text(f);
				row[f] = text == null ? null : this.kept.computeIfAbsent(text, t -> t);
			}
			this.rows.add(row);
		}

		int size() {
			return this.rows.size();
		}

		long[] ids() {
			return Arrays.copyOf(this.ids, this.rows.size());
		}

		/** Column f of every row, after {@code offset} leading nulls. */
		String[] column(int f, int offset) {
			var values = new String[offset + this.rows.size()];
			for (int n = 0; n < this.rows.size(); n++) {
				values[offset + n] = this.rows.get(n)[f];
			}
			return values;
		}

	}

	/** The participations as read, then grouped by person. */
	private static final class Facts {

		private int[] person;

		private int[] activity;

		private int[] organization;

		private byte[] role;

		private final int persons;

		private int rows;

		Facts(int rows, int persons) {
			this.person = new int[rows];
			this.activity = new int[rows];
			this.organization = new int[rows];
			this.role = new byte[rows];
			this.persons = persons;
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
				int[] startDay, int organizationSlots, Map<Dimension, Dictionary> dictionaries, int firstYear,
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
			return new FactIndex(version, start, byActivity, byOrganization, byRole, attributes, birthYear, startYear,
					startDay, organizationSlots, dictionaries, firstYear, cachedAnswers);
		}

	}

}
