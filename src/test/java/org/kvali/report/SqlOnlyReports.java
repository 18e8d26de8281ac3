package org.kvali.report;

import java.time.Duration;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The report service of the SQL path alone, beside the application's (its index on), k = 5: to compare the paths. */
final class SqlOnlyReports {

	private SqlOnlyReports() {
	}

	/** Of the application's repository and filter checks, with an index that is off. */
	static ReportService of(ApplicationContext application) {
		return of(application.getBean(ReportRepository.class),
				new ReportIndex(application.getBean(FactIndexLoader.class), application.getBean(JdbcClient.class),
						ReportProperties.Index.OFF, Duration.ZERO),
				application.getBean(FilterProblems.class));
	}

	/** Of this repository, index and filter checks, k = 5. */
	static ReportService of(ReportRepository repository, ReportIndex index, FilterProblems problems) {
		var suppression = new SuppressionProperties(5);
		var counts = new ReportCounts(repository, index, suppression);
		var weights = new CallerWeights(counts, repository, suppression);
		return new ReportService(repository, index, counts, weights, new Withholding(index, repository, weights),
				problems);
	}

}
