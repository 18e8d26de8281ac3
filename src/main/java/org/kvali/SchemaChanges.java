package org.kvali;

import java.lang.management.ManagementFactory;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.context.ApplicationListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells, once started, which changes of the database's schema this start applied: an upgrade applied six and said
 * nothing, and an operator keeps a record of what changed when (a tester's). Told by the time they were applied,
 * since this process started: another instance's upgrade of the same database just then would be told as this one's.
 */
@Component
class SchemaChanges implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(SchemaChanges.class);

	private final JdbcClient jdbc;

	SchemaChanges(@LiquibaseDataSource DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		try {
			tell();
		}
		catch (DataAccessException ex) {
			// a report of the start, never a reason for it to fail
			log.warn("The schema changes applied could not be read: {}", ex.getMessage());
		}
	}

	private void tell() {
		double uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
		// by the database's own clock, which dated them
		var applied = this.jdbc.sql("""
				SELECT count(*) AS total,
				       count(*) FILTER (WHERE dateexecuted >= LOCALTIMESTAMP - make_interval(secs => :uptime)) AS now,
				       string_agg(regexp_replace(filename, '^.*/', ''), ', ' ORDER BY orderexecuted)
				           FILTER (WHERE dateexecuted >= LOCALTIMESTAMP - make_interval(secs => :uptime)) AS files
				FROM databasechangelog""")
			.param("uptime", uptime)
			.query((rs, row) -> new Applied(rs.getInt("total"), rs.getInt("now"), rs.getString("files")))
			.single();
		if (applied.now() == 0) {
			log.info("Database schema up to date: {} changes, none applied at this start", applied.total());
		}
		else if (applied.now() == applied.total()) {
			log.info("Database schema created at this start: {} changes applied", applied.total());
		}
		else {
			log.info("Database schema: {} of its {} changes applied at this start: {}", applied.now(), applied.total(),
					applied.files());
		}
	}

	private record Applied(int total, int now, String files) {
	}

}
