package org.kvali.report;

import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the participation facts into a {@link FactIndex}: organizations, activities and participants once each, then
 * the participations as four numbers a row, streamed in participant order. All of it, and the data version, in one
 * repeatable-read transaction, so the index is one consistent snapshot.
 */
@Component
class FactIndexLoader {

	private static final int FETCH = 50_000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate snapshot;

	FactIndexLoader(DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(FETCH);
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
	}

	FactIndex load() {
		return this.snapshot.execute(status -> read());
	}

	private FactIndex read() {
		// Reading every participation of a large database takes longer than the statement timeout of a request.
		this.jdbc.queryForObject("SELECT set_config('statement_timeout', '600s', true)", String.class);
		long version = this.jdbc.queryForObject("SELECT version FROM data_version", Long.class);
		var organizations = new FactTables.Entities(this.jdbc.query("SELECT id, code, kind FROM organization ORDER BY code",
				(rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }));
		var activities = new FactTables.Entities(this.jdbc.query("""
				SELECT a.id, a.code, a.kind, a.start_date, pj.code, pg.code, a.venue_municipality_code, vm.parent_code
				FROM activity a
				JOIN project pj ON pj.id = a.project_id
				JOIN programme pg ON pg.id = pj.programme_id
				LEFT JOIN geo_unit vm ON vm.code = a.venue_municipality_code
				ORDER BY a.code""", FactIndexLoader::strings));
		var people = new FactTables.Entities(this.jdbc.query("""
				SELECT pt.id, pt.home_municipality_code, coalesce(hm.parent_code, om.parent_code, po.region_code),
				       pt.gender, pt.disability::text, pt.birth_year::text
				FROM participant pt
				LEFT JOIN geo_unit hm ON hm.code = pt.home_municipality_code
				LEFT JOIN organization po ON po.id = pt.organization_id
				LEFT JOIN geo_unit om ON om.code = po.municipality_code
				ORDER BY pt.id""", FactIndexLoader::strings));

		var facts = new FactTables.Facts();
		this.jdbc.query("""
				SELECT participant_id, activity_id, organization_id, role FROM participation
				ORDER BY participant_id, activity_id""", rs -> {
			facts.add(people.dense(rs.getLong(1)), activities.dense(rs.getLong(2)),
					rs.getObject(3) == null ? -1 : organizations.dense(rs.getLong(3)),
					(byte) ParticipationRole.valueOf(rs.getString(4)).ordinal());
		});
		return facts.index(version, people, activities, organizations);
	}

	private static String[] strings(ResultSet rs, int row) throws SQLException {
		var values = new String[rs.getMetaData().getColumnCount()];
		for (int i = 0; i < values.length; i++) {
			values[i] = rs.getString(i + 1);
		}
		return values;
	}

}
