package org.kvali;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database whose schema a newer build changed is refused at the start, naming what this build does not know; the
 * start of the tests, on a schema of this build's own changes, passed the same check.
 */
@IntegrationTest
class NewerSchemaRefusedTest {

	@Autowired
	@LiquibaseDataSource
	DataSource owner;

	@Autowired
	NewerSchemaRefused guard;

	@Test
	void aSchemaChangedByANewerBuildIsRefused() throws Exception {
		assertThatCode(this.guard::afterPropertiesSet).doesNotThrowAnyException();
		var jdbc = new JdbcTemplate(this.owner);
		jdbc.update("""
				INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype)
				VALUES ('999-from-a-newer-build', 'kvali', 'db/changelog/changes/999-from-a-newer-build.sql', now(),
				        (SELECT max(orderexecuted) + 1 FROM databasechangelog), 'EXECUTED')""");
		try {
			assertThatThrownBy(this.guard::afterPropertiesSet).isInstanceOf(IllegalStateException.class)
				.hasMessage("The database's schema was changed by a newer Kvali than this one: it holds 1 change(s)"
						+ " this build does not know (999-from-a-newer-build.sql). Start that newer version, or this"
						+ " one on a copy of the database from before the upgrade");
		}
		finally {
			jdbc.update("DELETE FROM databasechangelog WHERE id = '999-from-a-newer-build'");
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM databasechangelog WHERE id LIKE '999-%'", Integer.class))
			.isZero();
	}

	/**
	 * The changelog table is looked for where Liquibase keeps it: Spring names it DATABASECHANGELOG, which PostgreSQL
	 * folds to lower case (quoted, the check found no table and never ran); in Liquibase's schema where one is set.
	 */
	@Test
	void theChangelogTableIsNamedAsPostgresqlHasIt() {
		var liquibase = new liquibase.integration.spring.SpringLiquibase();
		liquibase.setDatabaseChangeLogTable("DATABASECHANGELOG");
		assertThat(NewerSchemaRefused.table(liquibase)).isEqualTo("databasechangelog");
		liquibase.setLiquibaseSchema("Audit Trail");
		assertThat(NewerSchemaRefused.table(liquibase)).isEqualTo("\"Audit Trail\".databasechangelog");
	}

}
