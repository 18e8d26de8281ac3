package org.kvali.demo;

import java.util.Random;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kvali.access.ServiceScope;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.dao.DataAccessException;
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
		analyze();
		log.info("Demo data loaded: {} organizations, {} people, {} activities, {} participations",
				people.organizations.size(), people.people.size(), events.events.size(), events.attendances.size());
	}

	/**
	 * Gives the planner statistics of the rows just written, as the tables' owner (the service's role owns none), for
	 * the tables of the service's schema alone. Before autovacuum came round the tables had none: the estimates of a
	 * totals statement of nine filters came to a row or so, its nested loops took 7.2 ms, analyzed 0.13 ms;
	 * FastPathDifferentialTest, whose SQL path asks thousands of such statements, ran in 136 s instead of 153. A
	 * speed-up only, never a reason for the start to fail: autovacuum gets there later.
	 */
	private void analyze() {
		try {
			new JdbcTemplate(this.owner).execute("""
					DO $$
					BEGIN
					    EXECUTE (SELECT 'ANALYZE ' || string_agg(format('%I.%I', schemaname, tablename), ', ')
					             FROM pg_tables WHERE schemaname = current_schema());
					END
					$$""");
		}
		catch (DataAccessException ex) {
			log.warn("The demo data was loaded but not analyzed: {}", ex.getMessage());
		}
	}

}
