package org.kvali.embedded;

import java.sql.Connection;

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
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The changelog run by an owner as README tells an operator to set one up, found failing by a review: a user that may
 * not create roles, made a member of kvali_app by an administrator, and tables in a schema of the owner's rather than
 * public. A database that ran changeset 022 before its change is taken as it is.
 */
@IntegrationTest
class DatabaseOwnersTest {

	private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

	/** The superuser's connections, which create the databases and the owner. */
	@Autowired
	@LiquibaseDataSource
	DataSource dataSource;

	@Test
	void anOwnerThatMayNotCreateRolesMigratesOnceAMember() throws Exception {
		var admin = new JdbcTemplate(this.dataSource);
		admin.execute("DROP DATABASE IF EXISTS owner_check");
		admin.execute("DROP ROLE IF EXISTS kvali_owner_check");
		// a password, for a server that asks for one (a container's)
		admin.execute("CREATE ROLE kvali_owner_check LOGIN NOSUPERUSER NOCREATEROLE PASSWORD 'owner-check'");
		// as README says: an administrator makes it a member, without the right to grant the role on
		admin.execute("GRANT kvali_app TO kvali_owner_check");
		admin.execute("CREATE DATABASE owner_check OWNER kvali_owner_check");
		try {
			var owner = new SingleConnectionDataSource(url("owner_check", ""), "kvali_owner_check", "owner-check",
					true);
			try (var connection = owner.getConnection()) {
				var jdbc = new JdbcTemplate(owner);
				assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("kvali_owner_check");
				liquibase(connection).update("");
				connection.setAutoCommit(true);
				jdbc.execute("SET ROLE kvali_app");
				assertThat(jdbc.queryForObject("SELECT count(*) FROM activity", Integer.class)).isZero();
				jdbc.execute("RESET ROLE");
				// changeset 022 as a database ran it before: its checksum then is taken
				assertThat(jdbc.update("UPDATE databasechangelog SET md5sum = '9:0123456789abcdef0123456789abcdef'"
						+ " WHERE id = '022-application-role'")).isOne();
				liquibase(connection).update("");
				assertThat(jdbc.update("UPDATE databasechangelog SET md5sum = '9:0123456789abcdef0123456789abcdef'"
						+ " WHERE id = '022-row-level-security'")).isOne();
				// another's is still checked
				assertThatThrownBy(() -> liquibase(connection).update(""))
					.hasMessageContaining("022-row-level-security::kvali was: 9:0123456789abcdef0123456789abcdef");
			}
			finally {
				owner.destroy();
			}
		}
		finally {
			admin.execute("DROP DATABASE owner_check");
			admin.execute("DROP ROLE kvali_owner_check");
		}
	}

	@Test
	void tablesInASchemaOfTheirOwnAreTheApplicationsToo() throws Exception {
		var admin = new JdbcTemplate(this.dataSource);
		admin.execute("DROP DATABASE IF EXISTS schema_check");
		admin.execute("CREATE DATABASE schema_check");
		try {
			var plain = new SingleConnectionDataSource(url("schema_check", ""), superuser().getUsername(),
					superuser().getPassword(), true);
			new JdbcTemplate(plain).execute("CREATE SCHEMA kvali");
			plain.destroy();
			var owner = new SingleConnectionDataSource(url("schema_check", "currentSchema=kvali"),
					superuser().getUsername(), superuser().getPassword(), true);
			try (var connection = owner.getConnection()) {
				liquibase(connection).update("");
				// each statement its own, as Liquibase left it otherwise
				connection.setAutoCommit(true);
				var jdbc = new JdbcTemplate(owner);
				assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables"
						+ " WHERE table_schema = 'kvali' AND table_name = 'activity'", Integer.class)).isOne();
				jdbc.execute("SET ROLE kvali_app");
				jdbc.execute("SELECT set_config('kvali.role', 'ADMIN', false)");
				assertThat(jdbc.queryForObject("SELECT count(*) FROM kvali.geo_unit", Integer.class)).isEqualTo(84);
				assertThat(jdbc.queryForObject("SELECT count(*) FROM kvali.activity", Integer.class)).isZero();
				// the notes of changes stay their triggers' to write, as in public
				assertThatThrownBy(() -> jdbc.update("DELETE FROM kvali.fact_change")).rootCause()
					.hasMessageContaining("permission denied for table fact_change");
				jdbc.execute("RESET ROLE");
			}
			finally {
				owner.destroy();
			}
		}
		finally {
			admin.execute("DROP DATABASE schema_check");
		}
	}

	private static Liquibase liquibase(Connection connection) throws Exception {
		var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
		return new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database);
	}

	/** The superuser's name and password, as the service's migrations are given them. */
	private SimpleDriverDataSource superuser() {
		return (SimpleDriverDataSource) this.dataSource;
	}

	/**
	 * The URL of another database of the same server, with {@code options} as its query: the embedded server's names
	 * its user in its own, which would have the connection made as that user whatever user it is given.
	 */
	private String url(String database, String options) throws Exception {
		try (var connection = this.dataSource.getConnection()) {
			var url = connection.getMetaData().getURL().replaceFirst("/[^/?]+(\\?.*)?$", "/" + database);
			return options.isEmpty() ? url : url + "?" + options;
		}
	}

}
