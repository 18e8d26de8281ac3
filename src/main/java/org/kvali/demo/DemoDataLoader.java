package org.kvali.demo;

import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kvali.access.ServiceScope;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the seed programme into an empty database on start: always on the embedded database, elsewhere only when
 * {@code kvali.demo.enabled} is true. The data is drawn from a fixed seed, so every load is identical.
 */
@Component
@DependsOnDatabaseInitialization
class DemoDataLoader implements InitializingBean {

	static final long SEED = 20240718L;

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final boolean enabled;

	DemoDataLoader(JdbcTemplate jdbc, TransactionTemplate transaction, DemoMode demo) {
		this.jdbc = jdbc;
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
		log.info("Demo data loaded: {} organizations, {} people, {} activities, {} participations",
				people.organizations.size(), people.people.size(), events.events.size(), events.attendances.size());
	}

}
