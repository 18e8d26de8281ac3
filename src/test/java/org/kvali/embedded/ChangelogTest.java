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

/** The changelog applies to an empty database, rolls back to nothing, and applies again. */
@IntegrationTest
class ChangelogTest {

	private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

	/** The owner's connections, as Liquibase has them; the application's cannot create databases. */
	@Autowired
	@LiquibaseDataSource
	DataSource dataSource;

	@Test
	void appliesToAnEmptyDatabaseAndRollsBackCompletely() throws Exception {
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
			var liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database);
			liquibase.update("");
			assertThat(tables(connection)).containsExactlyInAnyOrder("activity", "api_key", "api_key_organization", "audit_event",
					"attendance_import", "data_version", "erased_reference", "fact_change", "geo_unit", "indicator",
					"indicator_target",
					"indicator_value", "organization", "organization_alias", "participation_fact", "participant", "participant_personal",
					"participation", "programme", "programme_donor", "project", "project_partner",
					"removed_participation");
			assertThat(new JdbcTemplate(empty).queryForObject("SELECT count(*) FROM geo_unit", Integer.class))
				.isEqualTo(84);
			int changeSets = new JdbcTemplate(empty).queryForObject("SELECT count(*) FROM databasechangelog", Integer.class);
			liquibase.rollback(changeSets, "");
			assertThat(tables(connection)).isEmpty();
			liquibase.update("");
			assertThat(tables(connection)).hasSize(23);
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
