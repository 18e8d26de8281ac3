package org.kvali.report;

import org.kvali.access.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes, every hour ({@code kvali.report.prune-notes-every}), the change notes no index that caught up within the
 * last day still needs (changeset 042); every instance does, to the same effect. Without it the notes grew with
 * every write for as long as the database lived.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ChangeNotePruning {

	private static final Logger log = LoggerFactory.getLogger(ChangeNotePruning.class);

	private final JdbcClient jdbc;

	ChangeNotePruning(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelayString = "${kvali.report.prune-notes-every:1h}",
			initialDelayString = "${kvali.report.prune-notes-every:1h}")
	void prune() {
		long pruned = ServiceScope.call(() -> this.jdbc.sql("SELECT prune_fact_changes()").query(Long.class).single());
		if (pruned > 0) {
			log.info("Deleted {} change notes older than a day that no current report index needs", pruned);
		}
	}

}
