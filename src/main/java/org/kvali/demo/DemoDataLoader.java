package org.kvali.demo;

import java.util.Random;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kvali.access.ServiceScope;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the seed programme into an empty database on start: always on the embedded database, elsewhere only when
 * {@code kvali.demo.enabled} is true. The data is drawn from a fixed seed, so every load is identical; the database
 * is analyzed once it is in.
 */
@Component
@DependsOnDatabaseInitialization
class DemoDataLoader implements InitializingBean {

	static final long SEED = 20240718L;

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final boolean enabled;

	private final DataSource owner;

	DemoDataLoader(JdbcTemplate jdbc, TransactionTemplate transaction, DemoMode demo,
			@LiquibaseDataSource DataSource owner) {
		this.jdbc = jdbc;
		this.owner = owner;
		this.transaction = transaction;
		this.enabled = demo.on();
	}

	@Override
	public void afterPropertiesSet() {
		if (!this.enabled) {
			return;
		}
		Integer programmes = this.jdbc.queryForObject("SELECT count(*) FROM programme", Integer.class);
		if (programmes != null && programmes > 0) {
			log.info("Demo data: the database already holds programmes; nothing loaded");
			return;
		}
		var random = new Random(SEED);
		var people = new DemoPeople(random);
		var events = new DemoEvents(random, people.people);
		ServiceScope.run(() -> this.transaction.executeWithoutResult(status -> new DemoDataWriter(this.jdbc).write(people, events)));
		// The planner's statistics of the rows just written, as the tables' owner (the service's role owns none):
		// before autovacuum came round, PostgreSQL weighed each table as holding a row or so and chose nested loops,
		// a totals statement of nine filters taking 7.2 ms; analyzed, 0.13 ms. FastPathDifferentialTest, whose SQL
		// path asks thousands of such statements, ran in 136 s instead of 153.
		new JdbcTemplate(this.owner).execute("ANALYZE");
		log.info("Demo data loaded: {} organizations, {} people, {} activities, {} participations",
				people.organizations.size(), people.people.size(), events.events.size(), events.attendances.size());
	}

}
