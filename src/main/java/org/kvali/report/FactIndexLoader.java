package org.kvali.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.kvali.sql.LongWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
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
 * participants, activities, participations or organizations (as noted in {@code fact_change}), only those rows are
 * read: appended to the previous index's tables, or put in place of the rows they correct, and the new participations
 * placed among the previous index's rows ({@link FactRows}).
 */
@Component
class FactIndexLoader {

	private static final Logger log = LoggerFactory.getLogger(FactIndexLoader.class);

	// The columns these four read are the ones the update notes compare (changesets 026 and 029, the codes of projects
	// and programmes): change them together.
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

	private static final String CORRECTED_ORGANIZATIONS = ChangeNotes.corrected(ORGANIZATIONS, "id", "organization");

	/**
	 * The people affiliated with the corrected organizations ({@code participant.organization_id}): those without a
	 * home municipality are counted in its region.
	 */
	private static final String PERSONS_OF_CORRECTED_ORGANIZATIONS = ChangeNotes.corrected(PERSONS, "pt.organization_id",
			"organization");

	/** The tables an index was built from and the last change note it saw: what a later index appends to. */
	record Sources(SourceTable organizations, SourceTable activities, SourceTable persons, long lastChange) {
	}

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate snapshot;

	private final FactIndex.Settings settings;

	/** How many indexes were built by appending to the previous one: for tests and the log. */
	private final AtomicInteger appended = new AtomicInteger();

	/** Set when the service shuts down: a load stops before its next query. */
	private volatile boolean stopping;

	@Autowired
	FactIndexLoader(DataSource dataSource, PlatformTransactionManager transactions, ReportProperties settings) {
		this(dataSource, transactions, new FactIndex.Settings(settings.cachedAnswers(), settings.cachedGroups(),
				settings.scanMemory() == null ? ScanMemory.defaultLimit() : settings.scanMemory().toBytes()));
	}

	FactIndexLoader(DataSource dataSource, PlatformTransactionManager transactions, FactIndex.Settings settings) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
		this.settings = settings;
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
		continueUnlessStopped();
		long started = System.nanoTime();
		// reading every participation of a large database takes longer than the limits of a request
		LongWork.allow(connection);
		long version = single(connection, "SELECT version FROM data_version");
		long lastChange = single(connection, "SELECT coalesce(max(id), 0) FROM fact_change");
		var caughtUp = previous == null ? null : append(connection, version, lastChange, previous);
		if (caughtUp != null) {
			this.appended.incrementAndGet();
			return caughtUp;
		}
		// nothing here refers to the previous index's tables any more: a whole read does not hold them too
		continueUnlessStopped();
		var organizations = new SourceTable(3);
		CopyRows.read(connection, ORGANIZATIONS, organizations::add);
		var activities = new SourceTable(9);
		CopyRows.read(connection, ACTIVITIES, activities::add);
		long tablesRead = System.nanoTime();
		continueUnlessStopped();
		var persons = new SourceTable(6);
		CopyRows.read(connection, PERSONS, persons::add);
		long personsRead = System.nanoTime();
		var ids = new EntityIds(organizations, activities, persons);
		// the planner's estimate sizes the arrays; counting exactly would read the whole table once more
		long estimate = single(connection,
				"SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'participation'::regclass");
		var facts = new FactRows((int) Math.min(Integer.MAX_VALUE - 8, estimate + estimate / 16 + 1024), persons.size());
		continueUnlessStopped();
		CopyRows.read(connection, PARTICIPATIONS, fields -> facts.add(ids, fields));
		long participationsRead = System.nanoTime();
		continueUnlessStopped();
		var index = build(version, lastChange, organizations, activities, persons, ids, facts);
		log.info("Report index read: organizations and activities {} ms, persons {} ms, participations {} ms,"
				+ " columns {} ms", (tablesRead - started) / 1_000_000, (personsRead - tablesRead) / 1_000_000,
				(participationsRead - personsRead) / 1_000_000, (System.nanoTime() - participationsRead) / 1_000_000);
		return index;
	}

	/**
	 * Has a running load, and any later one, stop before its next query, where the connection is free to roll back (at
	 * 10 million participations the longest query reads for 3.5 to 6 s, and the columns built after it take 1.5 to 2
	 * s).
	 */
	void stop() {
		this.stopping = true;
	}

	/** A load stopped by {@link #stop()}: not a failure. */
	static final class Stopped extends IllegalStateException {

		Stopped() {
			super("Report index load stopped: the service is shutting down");
		}

	}

	private void continueUnlessStopped() {
		if (this.stopping) {
			throw new Stopped();
		}
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
		var corrections = changes.corrected();
		var deletions = changes.deleted();
		if (corrections.getOrDefault("participation", 0L) > previous.rows / 2
				|| corrections.getOrDefault("participant", 0L) > sources.persons().size() / 2
				|| deletions.getOrDefault("participation", 0L) > previous.rows / 2) {
			// read in the index's order, most of a table takes longer than all of it in the table's (193,243
			// participations spread over 10 million: 11.6 to 12.0 s by their range, 6.5 to 11.4 s reading everything)
			log.info("The corrections or deletions since span most of the participations or people; reading"
					+ " everything");
			return null;
		}
		try (var statement = connection.prepareStatement("SELECT set_config('kvali.index_since', ?, true)")) {
			statement.setString(1, Long.toString(sources.lastChange()));
			statement.execute();
		}
		var organizations = sources.organizations();
		var activities = sources.activities();
		var persons = sources.persons();
		var added = changes.inserted();
		var goneRows = deletions.containsKey("participation") ? ChangeNotes.deleted(connection, "participation")
				: List.<ChangeNotes.Deleted>of();
		var gonePeople = deletions.containsKey("participant") ? ChangeNotes.deleted(connection, "participant")
				: List.<ChangeNotes.Deleted>of();
		var goneActivities = deletions.containsKey("activity") ? ChangeNotes.deleted(connection, "activity")
				: List.<ChangeNotes.Deleted>of();
		var goneOrganizations = deletions.containsKey("organization")
				? ChangeNotes.deleted(connection, "organization") : List.<ChangeNotes.Deleted>of();
		continueUnlessStopped();
		// a row inserted and deleted since is not read with the new rows, nor among the previous index's
		if (!appended(connection, NEW_ORGANIZATIONS, organizations,
				added.getOrDefault("organization", 0L) - insertedSince(goneOrganizations))
				|| !appended(connection, NEW_ACTIVITIES, activities,
						added.getOrDefault("activity", 0L) - insertedSince(goneActivities))
				|| !appended(connection, NEW_PERSONS, persons,
						added.getOrDefault("participant", 0L) - insertedSince(gonePeople))) {
			log.warn("The rows read did not match the change notes; reading everything");
			return null;
		}
		var ids = new EntityIds(organizations, activities, persons);
		continueUnlessStopped();
		int correctedOrganizations = corrections.containsKey("organization")
				? putInPlace(connection, CORRECTED_ORGANIZATIONS, organizations, ids.organizations()) : 0;
		int theirPersons = corrections.containsKey("organization")
				? putInPlace(connection, PERSONS_OF_CORRECTED_ORGANIZATIONS, persons, ids.persons()) : 0;
		int correctedActivities = corrections.containsKey("activity")
				? putInPlace(connection, CORRECTED_ACTIVITIES, activities, ids.activities()) : 0;
		int correctedPersons = corrections.containsKey("participant")
				? putInPlace(connection, CORRECTED_PERSONS, persons, ids.persons()) : 0;
		if (correctedOrganizations < 0 || theirPersons < 0 || correctedActivities < 0 || correctedPersons < 0) {
			return notInIndex();
		}
		long rows = added.getOrDefault("participation", 0L) - insertedSince(goneRows);
		continueUnlessStopped();
		var facts = new FactRows(previous, (int) rows, persons.size());
		if (!removed(facts, ids, goneRows, gonePeople) || !emptied(facts, ids, goneActivities, activities)) {
			return notInIndex();
		}
		int correctedParticipations = corrections.containsKey("participation")
				? facts.correct(connection, CORRECTED_PARTICIPATIONS, ids) : 0;
		if (correctedParticipations < 0 || !dissolved(facts, ids, goneOrganizations, activities)) {
			return notInIndex();
		}
		int corrected = correctedOrganizations + theirPersons + correctedActivities + correctedPersons
				+ correctedParticipations;
		CopyRows.read(connection, NEW_PARTICIPATIONS, fields -> facts.add(ids, fields));
		if (facts.rows != previous.rows + rows) {
			log.warn("The rows read did not match the change notes; reading everything");
			return null;
		}
		long read = System.nanoTime();
		var index = build(version, lastChange, organizations, activities, persons, ids, facts);
		log.info("Report index caught up: {} new participations, {} new persons and {} rows of corrections read, {}"
				+ " participations, {} persons, {} activities and {} organizations deleted, in {} ms, columns {} ms",
				rows, added.getOrDefault("participant", 0L), corrected, goneRows.size(), gonePeople.size(),
				goneActivities.size(), goneOrganizations.size(),
				(read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
		return index;
	}

	private static FactIndex notInIndex() {
		log.warn("A corrected or deleted row, or what it refers to, is not in the report index; reading everything");
		return null;
	}

	private static long insertedSince(List<ChangeNotes.Deleted> deleted) {
		return deleted.stream().filter(ChangeNotes.Deleted::insertedSince).count();
	}

	/**
	 * Leaves out of {@code facts} the previous index's participations deleted since; false when one is not among its
	 * rows, or a person deleted since is not, or keeps a row.
	 */
	private static boolean removed(FactRows facts, EntityIds ids, List<ChangeNotes.Deleted> rows,
			List<ChangeNotes.Deleted> people) {
		var before = rows.stream().filter(row -> !row.insertedSince()).toList();
		var persons = new int[before.size()];
		var activities = new int[before.size()];
		for (int i = 0; i < persons.length; i++) {
			persons[i] = ids.persons().find(before.get(i).person());
			activities[i] = ids.activities().find(before.get(i).activity());
		}
		var gone = people.stream()
			.filter(person -> !person.insertedSince())
			.mapToInt(person -> ids.persons().find(person.id()))
			.toArray();
		return facts.remove(persons, activities) && facts.noneLeft(gone);
	}

	/**
	 * Marks the previous index's activities deleted since as such in {@code table}; false when one is not among them,
	 * or keeps a row (the database refuses to delete an activity with participations, so they were deleted before).
	 */
	private static boolean emptied(FactRows facts, EntityIds ids, List<ChangeNotes.Deleted> deleted,
			SourceTable table) {
		var gone = deleted.stream()
			.filter(activity -> !activity.insertedSince())
			.mapToInt(activity -> ids.activities().find(activity.id()))
			.toArray();
		if (!facts.noneAt(gone)) {
			return false;
		}
		for (int a : gone) {
			table.delete(a);
		}
		return true;
	}

	/**
	 * Whether the previous index's organizations deleted since keep no row and run no activity that is not deleted,
	 * its rows and activities as corrected since; false when one is not among them. A deleted organization stays
	 * among them, counted nowhere, as a deleted person does: the database refuses to delete one that a participation,
	 * person or activity names, so a merge moved those first, and they were read again above.
	 */
	private static boolean dissolved(FactRows facts, EntityIds ids, List<ChangeNotes.Deleted> deleted,
			SourceTable activities) {
		var gone = deleted.stream()
			.filter(organization -> !organization.insertedSince())
			.mapToLong(ChangeNotes.Deleted::id)
			.boxed()
			.collect(Collectors.toSet());
		if (gone.isEmpty()) {
			return true;
		}
		var numbers = gone.stream().mapToInt(id -> ids.organizations().find(id) + 1).toArray();
		if (Arrays.stream(numbers).anyMatch(n -> n == 0) || !facts.noneWith(numbers)) {
			return false;
		}
		var runBy = activities.column(8, 0, 0, organizer -> gone.contains(Long.parseLong(organizer)) ? 1 : 0);
		var deletedActivities = activities.deleted();
		for (int a = 0; a < runBy.length; a++) {
			if (runBy[a] == 1 && !deletedActivities.get(a)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Reads the rows corrected since ({@link ChangeNotes#corrected}: by their ids, or the ranges of large corrections
	 * with the unchanged rows between) and puts each in place of its row in {@code table}; how many were read, or a
	 * negative number when one is not in the table.
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
			SourceTable persons, EntityIds ids, FactRows facts) {
		var index = facts.index(version, EntityColumns.of(organizations, activities, persons, ids), this.settings);
		index.keepSources(new Sources(organizations, activities, persons, lastChange));
		return index;
	}

	int appended() {
		return this.appended.get();
	}

	private static long single(Connection connection, String sql) throws SQLException {
		try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

}
