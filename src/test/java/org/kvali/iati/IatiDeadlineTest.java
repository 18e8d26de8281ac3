package org.kvali.iati;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The results of an IATI file are bounded in all, not only statement by statement: on the SQL path a programme's
 * results are hundreds of statements of up to 30 s each.
 */
@IntegrationTest
class IatiDeadlineTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	@LiquibaseDataSource
	DataSource ownerDataSource;

	/** Results held up past the deadline (here by a lock on the indicators) are cancelled there, and told as such. */
	@Test
	void aFileTakingLongerThanItMayIsRefusedForNow() throws Exception {
		var deadline = IatiController.deadline;
		try (var connection = this.ownerDataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				statement.execute("LOCK TABLE indicator IN ACCESS EXCLUSIVE MODE");
			}
			IatiController.deadline = Duration.ofSeconds(2);
			long started = System.nanoTime();
			this.mvc.perform(get("/iati/activities.xml").param("programme", "EU-CSO-EQUAL"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "5"))
				.andExpect(content().string("The file took longer to compute than it may (2 s in all, 30 s a statement:"
						+ " the data just changed, the service is starting, or many files are asked for at once); ask"
						+ " again shortly"));
			// at the deadline, not at the statement's 30 s
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
			connection.rollback();
		}
		finally {
			IatiController.deadline = deadline;
		}
		this.mvc.perform(get("/iati/activities.xml").param("programme", "EU-CSO-EQUAL")).andExpect(status().isOk());
	}

}
