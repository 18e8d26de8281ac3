package org.kvali.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every changeset as released: one edited after it ran somewhere makes that database refuse to start (Liquibase
 * compares each applied changeset's checksum), which no test on a new database shows. The checksums of this run's
 * changelog are compared with those released ({@code db/changelog/released-checksums.txt}).
 */
@IntegrationTest
class ChangesetChecksumsTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void noReleasedChangesetChangesAndEachNewOneIsListed() throws IOException {
		var released = released();
		var problems = new ArrayList<String>();
		this.jdbc.query("SELECT id, md5sum FROM databasechangelog ORDER BY orderexecuted", rs -> {
			var id = rs.getString(1);
			var sum = rs.getString(2);
			var was = released.remove(id);
			if (was == null) {
				problems.add("Changeset " + id + " is new: append '" + id + " " + sum + "' to released-checksums.txt");
			}
			else if (!was.equals(sum)) {
				problems.add("Changeset " + id + " changed after its release (" + was + ", now " + sum + "): a database"
						+ " it ran on would refuse to start; undo the edit and add a new changeset");
			}
		});
		released.keySet().forEach(id -> problems.add("Changeset " + id + " was released and is gone"));
		assertThat(problems).isEmpty();
	}

	private static Map<String, String> released() throws IOException {
		var text = new ClassPathResource("db/changelog/released-checksums.txt").getContentAsString(StandardCharsets.UTF_8);
		var sums = new LinkedHashMap<String, String>();
		for (var line : List.of(text.split("\n"))) {
			if (!line.isBlank() && !line.startsWith("#")) {
				var parts = line.strip().split(" ");
				sums.put(parts[0], parts[1]);
			}
		}
		return sums;
	}

}
