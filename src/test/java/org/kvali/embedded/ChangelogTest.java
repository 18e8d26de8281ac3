package org.kvali.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The changelog applies to an empty database, rolls back to nothing, and applies again; an upgrade stops where a
 * database holds what a change cannot take.
 */
@IntegrationTest
class ChangelogTest {

	private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

	/** The owner's connections, as Liquibase has them; the application's cannot create databases. */
	@Autowired
	@LiquibaseDataSource
	DataSource dataSource;

	@Test
	void appliesToAnEmptyDatabaseAndRollsBackCompletely() throws Exception {
		inEmptyDatabase((liquibase, connection, empty) -> {
			liquibase.update("");
			assertThat(tables(connection)).containsExactlyInAnyOrder("activity", "api_key", "api_key_organization",
					"audit_event", "attendance_import", "data_version", "deleted_activity", "deleted_person",
					"erased_reference", "fact_change", "geo_unit", "geo_unit_name", "indicator", "indicator_target",
					"indicator_value", "organization", "organization_alias", "participation_fact", "participant",
					"participant_personal", "participation", "programme", "programme_donor", "project",
					"project_partner", "removed_participation");
			assertThat(new JdbcTemplate(empty).queryForObject("SELECT count(*) FROM geo_unit", Integer.class))
				.isEqualTo(84);
			assertThat(new JdbcTemplate(empty).queryForObject("SELECT count(*) FROM geo_unit_name", Integer.class))
				.isEqualTo(15);
			int changeSets = new JdbcTemplate(empty).queryForObject("SELECT count(*) FROM databasechangelog", Integer.class);
			liquibase.rollback(changeSets, "");
			assertThat(tables(connection)).isEmpty();
			liquibase.update("");
			assertThat(tables(connection)).hasSize(26);
		});
	}

	/**
	 * A database kept from before changesets 032 and 033 may hold codes or references that differ only in case: the
	 * upgrade stops at each, naming them, and goes on once they are one.
	 */
	@Test
	void anUpgradeStopsAtCodesAndReferencesThatDifferOnlyInCase() throws Exception {
		int before = new JdbcTemplate(this.dataSource).queryForObject("""
				SELECT count(*) FROM databasechangelog WHERE orderexecuted < (
				    SELECT orderexecuted FROM databasechangelog WHERE id = '032-codes-unique-ignoring-case')""",
				Integer.class);
		inEmptyDatabase((liquibase, connection, empty) -> {
			liquibase.update(before, "");
			var old = new JdbcTemplate(empty);
			old.update("INSERT INTO organization (code, name, kind) VALUES ('CIF', 'CIF', 'CSO'), ('cif', 'CIF', 'CSO')");
			old.update("INSERT INTO participant (ref, gender) VALUES ('P-1', 'FEMALE'), ('p-1', 'FEMALE')");
			assertThatThrownBy(() -> liquibase.update("")).hasMessageContaining("Codes that differ only in case: "
					+ "organization CIF and cif. Give all but one of each another code, then start again");
			assertThat(old.queryForObject("SELECT count(*) FROM databasechangelog", Integer.class)).isEqualTo(before);
			old.update("UPDATE organization SET code = 'CIF-2' WHERE code = 'cif'");
			assertThatThrownBy(() -> liquibase.update("")).hasMessageContaining("Participant references that differ "
					+ "only in case: P-1 and p-1. Each is one person entered twice: move the second's participations to "
					+ "the first and delete it, then start again");
			assertThat(old.queryForObject("SELECT count(*) FROM databasechangelog", Integer.class)).isEqualTo(before + 1);
			old.update("DELETE FROM participant WHERE ref = 'p-1'");
			liquibase.update("");
			assertThat(old.queryForObject("SELECT count(*) FROM databasechangelog WHERE id LIKE '033-%'", Integer.class))
				.isOne();
		});
	}

	/**
	 * The entries of corrections made before changeset 068 keep which fields they set, not the values given, in the
	 * document and in variables; other mutations' entries stay as they were.
	 */
	@Test
	void anUpgradeTakesCorrectionValuesOutOfTheAuditLog() throws Exception {
		int before = new JdbcTemplate(this.dataSource).queryForObject("""
				SELECT count(*) FROM databasechangelog WHERE orderexecuted < (SELECT orderexecuted
				    FROM databasechangelog WHERE id = '068-correction-values-out-of-the-audit-log')""", Integer.class);
		inEmptyDatabase((liquibase, connection, empty) -> {
			liquibase.update(before, "");
			var old = new JdbcTemplate(empty);
			var entries = List.of(
					"correctParticipant(ref:\"P-1\",input:{birthYear:1987,disability:true}) "
							+ "b:createProgramme(input:{code:\"X\",name:\"Kept\"})",
					"correctParticipant(ref:\"P-2\",input:$in) variables {in={birthYear=1990,"
							+ " homeMunicipality=GE-KK-RUSTAVI}} (1 error(s))",
					"createProgramme(input:{code:\"Y\",name:\"Kept too\"}) variables {d=text}");
			for (var entry : entries) {
				old.update("INSERT INTO audit_event (actor, role, action, subject)"
						+ " VALUES ('test', 'ADMIN', 'mutation', ?)", entry);
			}
			liquibase.update("");
			assertThat(old.queryForList("SELECT subject FROM audit_event ORDER BY id", String.class)).containsExactly(
					"correctParticipant(ref:\"P-1\",input:{(not kept)})"
							+ " b:createProgramme(input:{code:\"X\",name:\"Kept\"})",
					"correctParticipant(ref:\"P-2\",input:$in) variables {(not kept)} (1 error(s))",
					"createProgramme(input:{code:\"Y\",name:\"Kept too\"}) variables {d=text}");
		});
	}

	/**
	 * A 0 reported before changeset 061 to withdraw the period it overlapped, and read so since, is marked withdrawn by
	 * 073, when it counts now, as is a count's 0 outside its programme's dates, which held none; a 0 beside no other
	 * value, one corrected since, and a level's outside the dates stay what they were.
	 */
	@Test
	void anUpgradeMarksZerosThatWithdrewAsWithdrawn() throws Exception {
		int before = new JdbcTemplate(this.dataSource).queryForObject("""
				SELECT count(*) FROM databasechangelog WHERE orderexecuted < (SELECT orderexecuted
				    FROM databasechangelog WHERE id = '073-indicator-zeros-are-values')""", Integer.class);
		inEmptyDatabase((liquibase, connection, empty) -> {
			liquibase.update(before, "");
			var old = new JdbcTemplate(empty);
			old.update("INSERT INTO programme (code, name, start_date, end_date)"
					+ " VALUES ('Z', 'Zeros', DATE '2023-01-01', DATE '2025-12-31')");
			old.update("""
					INSERT INTO indicator (code, programme_id, name, level, unit, direction, method, latest_value)
					SELECT i.code, p.id, 'Reported', 'OUTPUT', 'NUMBER', 'HIGHER_IS_BETTER', 'REPORTED', i.latest
					FROM programme p, (VALUES ('Z-1', false), ('Z-LEVEL', true)) i (code, latest)""");
			// in the order reported: the year; a quarter's 0 beside it; a lone 0; a women's 0 beside their year; a
			// quarter's 0 corrected to 4 since
			var values = List.of("2024 2024-01-01 2024-12-31 10 -", "2024-Q1 2024-01-01 2024-03-31 0 -",
					"2025 2025-01-01 2025-12-31 0 -", "2024 2024-01-01 2024-12-31 3 FEMALE",
					"2024-Q2 2024-04-01 2024-06-30 0 FEMALE", "2023-Q1 2023-01-01 2023-03-31 0 -",
					"2023-Q1 2023-01-01 2023-03-31 4 -", "2023 2023-01-01 2023-12-31 0 MALE",
					"2022 2022-01-01 2022-12-31 0 -");
			for (var value : values) {
				var fields = value.split(" ");
				old.update("""
						INSERT INTO indicator_value (indicator_id, period_key, period_start, period_end, value,
						                             reported_by, dimension, dimension_value)
						SELECT id, ?, CAST(? AS date), CAST(? AS date), CAST(? AS numeric), 'test',
						       CASE WHEN ? = '-' THEN NULL ELSE 'GENDER' END, NULLIF(?, '-') FROM indicator
						WHERE code = 'Z-1'""",
						fields[0], fields[1], fields[2], fields[3], fields[4], fields[4]);
			}
			old.update("""
					INSERT INTO indicator_value (indicator_id, period_key, period_start, period_end, value, reported_by)
					SELECT id, '2022', DATE '2022-01-01', DATE '2022-12-31', 0, 'level' FROM indicator
					WHERE code = 'Z-LEVEL'""");
			liquibase.update("");
			assertThat(old.queryForList("""
					SELECT period_key || ' ' || value || ' ' || coalesce(dimension_value, '-') || ' ' || withdrawn
					FROM indicator_value ORDER BY id""", String.class)).containsExactly("2024 10 - false",
							"2024-Q1 0 - true", "2025 0 - false", "2024 3 FEMALE false", "2024-Q2 0 FEMALE true",
							"2023-Q1 0 - false", "2023-Q1 4 - false", "2023 0 MALE false", "2022 0 - true",
							"2022 0 - false");
		});
	}

	/** What a test does with a new, empty database (dropped after it) and Liquibase's changelog for it. */
	private interface EmptyDatabaseWork {

		void run(Liquibase liquibase, Connection connection, SingleConnectionDataSource empty) throws Exception;

	}

	private void inEmptyDatabase(EmptyDatabaseWork work) throws Exception {
		var jdbc = new JdbcTemplate(this.dataSource);
		jdbc.execute("DROP DATABASE IF EXISTS changelog_check");
		jdbc.execute("CREATE DATABASE changelog_check");
		String url;
		try (var connection = this.dataSource.getConnection()) {
			url = connection.getMetaData().getURL().replaceFirst("/[^/?]+(\\?|$)", "/changelog_check$1");
		}
		var user = jdbc.queryForObject("SELECT current_user", String.class);
		var empty = new SingleConnectionDataSource(url, user, "", true);
		try (Connection connection = empty.getConnection()) {
			var database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			work.run(new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database), connection, empty);
		}
		finally {
			empty.destroy();
			jdbc.execute("DROP DATABASE changelog_check");
		}
	}

	private static List<String> tables(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (var rs = connection.createStatement().executeQuery("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = 'public' AND table_name NOT LIKE 'databasechangelog%'""")) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		return names;
	}

}
