package org.kvali;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a database whose schema a newer Kvali changed: the build before this one started on such a
 * database, said its schema was up to date, failed sheets and corrections on columns it did not know, and wrote
 * removals and corrections the newer build then did not see (a tester's). Checked once the schema changes of this
 * build are applied; every change this build knows is a file of {@code db/changelog/changes} (SQL or YAML).
 */
@Component
class NewerSchemaRefused implements InitializingBean {

	private static final String CHANGES = "classpath*:db/changelog/changes/*";

	private final JdbcClient jdbc;

	private final ObjectProvider<SpringLiquibase> liquibase;

	NewerSchemaRefused(@LiquibaseDataSource DataSource dataSource, ObjectProvider<SpringLiquibase> liquibase) {
		this.jdbc = JdbcClient.create(dataSource);
		this.liquibase = liquibase;
	}

	@Override
	public void afterPropertiesSet() throws IOException {
		// the schema changes of this build applied first, where Liquibase runs
		this.liquibase.getIfAvailable();
		check(known());
	}

	/** Refuses the start when the database holds changes not among {@code known} (the files' names). */
	void check(Set<String> known) {
		// none where no schema change was ever applied by Liquibase
		if (!this.jdbc.sql("SELECT to_regclass('databasechangelog') IS NOT NULL").query(Boolean.class).single()) {
			return;
		}
		var unknown = this.jdbc.sql("""
				SELECT regexp_replace(filename, '^.*/', '') FROM databasechangelog ORDER BY orderexecuted""")
			.query(String.class)
			.list()
			.stream()
			.filter(name -> !known.contains(name))
			.toList();
		if (!unknown.isEmpty()) {
			throw new IllegalStateException(refusal(unknown));
		}
	}

	static String refusal(List<String> unknown) {
		return "The database's schema was changed by a newer Kvali than this one: it holds " + unknown.size()
				+ " change(s) this build does not know (" + String.join(", ", unknown) + "). Start that newer"
				+ " version, or this one on a copy of the database from before the upgrade";
	}

	private static Set<String> known() throws IOException {
		var names = new HashSet<String>();
		for (var resource : new PathMatchingResourcePatternResolver().getResources(CHANGES)) {
			names.add(resource.getFilename());
		}
		return names;
	}

}
