package org.kvali.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.kvali.sql.LongWork;
import org.kvali.sql.Snapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the participation facts into a {@link FactIndex}: organizations, activities and persons once each, then the
 * participations as four numbers a row, each table by {@code COPY} in whatever order PostgreSQL reads it fastest, the
 * rows then grouped by person in memory. All of it, and the data version, in one repeatable-read transaction, so the
 * index is one consistent snapshot. When every change since the previous index is noted with the rows it changed (in
 * {@code fact_change}), only those rows are read, and the previous index caught up with them ({@link FactCatchUp}).
 */
@Component
class FactIndexLoader {

	private static final Logger log = LoggerFactory.getLogger(FactIndexLoader.class);

	// The columns these four read are the ones the update notes compare (changesets 026 and 029, the codes of projects
	// and programmes): change them together.
	static final String ORGANIZATIONS = "SELECT id, code, kind FROM organization";

	static final String ACTIVITIES = """
			SELECT a.id, a.code, a.kind, a.start_date - DATE '1970-01-01', pj.code, pg.code, a.venue_municipality_code,
			       vm.parent_code, a.organizer_id
			FROM activity a
			JOIN project pj ON pj.id = a.project_id
			JOIN programme pg ON pg.id = pj.programme_id
			LEFT JOIN geo_unit vm ON vm.code = a.venue_municipality_code""";

	static final String PERSONS = """
			SELECT pt.id, pt.home_municipality_code, coalesce(hm.parent_code, om.parent_code, po.region_code),
			       pt.gender, pt.disability, pt.birth_year, pt.former_organizers
			FROM participant pt
			LEFT JOIN geo_unit hm ON hm.code = pt.home_municipality_code
			LEFT JOIN organization po ON po.id = pt.organization_id
			LEFT JOIN geo_unit om ON om.code = po.municipality_code""";

	static final String PARTICIPATIONS = "SELECT participant_id, activity_id, organization_id, role FROM participation";

	/** The tables an index was built from and the last change note it saw: what a later index appends to. */
	record Sources(SourceTable organizations, SourceTable activities, SourceTable persons, long lastChange) {
	}

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate snapshot;

	private final IndexSettings settings;

	/** How many indexes were built by appending to the previous one: for tests and the log. */
	private final AtomicInteger appended = new AtomicInteger();

	/** Set when the service shuts down: a load stops before its next query. */
	private volatile boolean stopping;

	@Autowired
	FactIndexLoader(DataSource dataSource, PlatformTransactionManager transactions, ReportProperties settings) {
		this(dataSource, transactions, new IndexSettings(settings.cachedAnswers(), settings.cachedGroups(),
				settings.scanMemory() == null ? ScanMemory.defaultLimit() : settings.scanMemory().toBytes()));
	}

	FactIndexLoader(DataSource dataSource, PlatformTransactionManager transactions, IndexSettings settings) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.snapshot = Snapshots.readOnly(transactions);
		this.settings = settings;
	}

	/**
	 * The previous index brought up to date from the rows the change notes name; null when it cannot be, and when
	 * bringing it up to date failed on what it read (a row naming an entity it does not know, say): everything is read
	 * then, in the same transaction, where the build failed and every instance went on to the SQL path.
	 */
	private FactIndex caughtUp(Connection connection, long version, long lastChange, FactIndex previous)
			throws SQLException {
		try {
			return FactCatchUp.from(connection, version, lastChange, previous, this::continueUnlessStopped,
					this::build);
		}
		catch (Stopped ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			log.error("Catching the report index up from the change notes failed; reading everything", ex);
			return null;
		}
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
		var caughtUp = previous == null ? null : caughtUp(connection, version, lastChange, previous);
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
		var persons = new SourceTable(7);
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
		long since = previous.sources.appendableFrom();
		return since >= 0 && ChangeNotes.allWithIds(this.jdbc, since);
	}

	/** The index over the tables and rows read: each entity's values, the dictionaries, the rows grouped by person. */
	private FactIndex build(long version, long lastChange, SourceTable organizations, SourceTable activities,
			SourceTable persons, EntityIds ids, FactRows facts) {
		var index = facts.index(version, EntityColumns.of(organizations, activities, persons, ids), this.settings);
		index.sources.keepSources(new Sources(organizations, activities, persons, lastChange));
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
