package org.kvali;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	/** A name PostgreSQL takes unquoted. */
	private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Logger log = LoggerFactory.getLogger(NewerSchemaRefused.class);

	private final JdbcClient jdbc;

	private final ObjectProvider<SpringLiquibase> liquibase;

	NewerSchemaRefused(@LiquibaseDataSource DataSource dataSource, ObjectProvider<SpringLiquibase> liquibase) {
		this.jdbc = JdbcClient.create(dataSource);
		this.liquibase = liquibase;
	}

	@Override
	public void afterPropertiesSet() throws IOException {
		// the schema changes of this build applied first, where Liquibase runs
		var liquibase = this.liquibase.getIfAvailable();
		var known = known();
		if (liquibase == null || known.isEmpty()) {
			// no changes of this build to compare with: nothing told, rather than every start refused
			log.warn("The schema changes this build knows could not be listed; a database a newer build changed is not"
					+ " told apart");
			return;
		}
		check(known, table(liquibase));
	}

	/**
	 * Refuses the start when the changelog table ({@code table}, schema-qualified where Liquibase's is set) holds
	 * changes not among {@code known} (the files' names).
	 */
	void check(Set<String> known, String table) {
		// none where no schema change was ever applied by Liquibase
		if (!this.jdbc.sql("SELECT to_regclass(:table) IS NOT NULL").param("table", table).query(Boolean.class)
			.single()) {
			return;
		}
		var unknown = this.jdbc.sql("SELECT regexp_replace(filename, '^.*/', '') FROM " + table
				+ " ORDER BY orderexecuted")
			.query(String.class)
			.list()
			.stream()
			.filter(name -> !known.contains(name))
			.distinct()
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

	/**
	 * The changelog table as Liquibase names it in PostgreSQL: a plain name in lower case (Spring's default is
	 * DATABASECHANGELOG, which PostgreSQL folds), another quoted.
	 */
	static String table(SpringLiquibase liquibase) {
		var name = identifier(liquibase.getDatabaseChangeLogTable() == null ? "databasechangelog"
				: liquibase.getDatabaseChangeLogTable());
		var schema = liquibase.getLiquibaseSchema() != null ? liquibase.getLiquibaseSchema()
				: liquibase.getDefaultSchema();
		return schema == null ? name : identifier(schema) + "." + name;
	}

	private static String identifier(String identifier) {
		return PLAIN.matcher(identifier).matches() ? identifier.toLowerCase(Locale.ROOT)
				: '"' + identifier.replace("\"", "\"\"") + '"';
	}

	private static Set<String> known() throws IOException {
		var names = new HashSet<String>();
		for (var resource : new PathMatchingResourcePatternResolver().getResources(CHANGES)) {
			names.add(resource.getFilename());
		}
		return names;
	}

}
