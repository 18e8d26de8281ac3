package org.kvali.bench;

import javax.sql.DataSource;

import org.kvali.KvaliApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starts Kvali on an embedded database of its own for one size ({@code .kvali/bench-N}), filled with synthetic data
 * on first use, so generating and benchmarking are separate commands over the same data.
 */
public final class BenchmarkDatabase {

	private BenchmarkDatabase() {
	}

	/** The ADMIN key the benchmarks send. */
	public static final String ADMIN_KEY = "benchmark-admin-key-0123456789abcdef";

	public static int participations() {
		return Integer.parseInt(System.getProperty("participations", "1000000"));
	}

	public static ConfigurableApplicationContext start(int participations, boolean web, String... properties)
			throws Exception {
		var context = new SpringApplicationBuilder(KvaliApplication.class)
			.web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
			.properties("kvali.embedded.data-dir=.kvali/bench-" + participations, "kvali.demo.enabled=false",
					"server.port=0", "logging.level.org.kvali=warn", "kvali.bootstrap-admin-key=" + ADMIN_KEY,
					"kvali.rate-limit.requests-per-minute=0")
			.properties(properties)
			.run();
		var jdbc = new JdbcTemplate(context.getBean(DataSource.class));
		if (!jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM participation)", Boolean.class)) {
			long started = System.nanoTime();
			// as the owner, so that VACUUM ANALYZE reaches every table
			new SyntheticData(participations).load(context.getBean("liquibaseDataSource", DataSource.class));
			System.out.printf("Generated %,d participations in %.1f s%n", participations,
					(System.nanoTime() - started) / 1e9);
		}
		return context;
	}

	/**
	 * Prints how much the database holds. Counting 10 million rows takes seconds, during which a start-up being
	 * measured would share the machine with it: call it after.
	 */
	public static void describe(ConfigurableApplicationContext context) {
		var jdbc = new JdbcTemplate(context.getBean(DataSource.class));
		System.out.printf("Database: %,d participations, %,d participants, %,d activities, %,d organizations%n",
				jdbc.queryForObject("SELECT count(*) FROM participation", Integer.class),
				jdbc.queryForObject("SELECT count(*) FROM participant", Integer.class),
				jdbc.queryForObject("SELECT count(*) FROM activity", Integer.class),
				jdbc.queryForObject("SELECT count(*) FROM organization", Integer.class));
	}

}
