package org.kvali.graphql;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement PostgreSQL refuses says which rule refused it, not the row: a CHECK's detail lists the row's values
 * (a person's reference and birth year, say), and every path that logs an exception kept them. PostgreSQL leaves the
 * row out where row-level security applies, as it does to every table of the service; a table without it, here a
 * temporary one, shows what the connections are set to (a review's).
 */
@IntegrationTest
class ServerErrorDetailTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRefusalNamesItsRuleAndNotTheRow() {
		assertThat(refusal(this.jdbc)).isEqualTo("ERROR: new row for relation \"sd_check\" violates check constraint"
				+ " \"sd_check_ref_check\"");
	}

	/** What a CHECK on a temporary table says, refusing a row of a reference. */
	private static String refusal(JdbcTemplate jdbc) {
		return jdbc.execute((ConnectionCallback<String>) connection -> {
			try (var statement = connection.createStatement()) {
				statement.execute("CREATE TEMPORARY TABLE sd_check (ref text CHECK (length(ref) < 5))");
				try {
					statement.execute("INSERT INTO sd_check VALUES ('SD-SECRET-REF')");
					return null;
				}
				catch (SQLException ex) {
					return ex.getMessage();
				}
				finally {
					statement.execute("DROP TABLE sd_check");
				}
			}
		});
	}

}
