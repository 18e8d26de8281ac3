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
 * compares each applied changeset's checksum), and one renamed (its file, id or author, which together name it) runs
 * there again; no test on a new database shows either. The changesets of this run's changelog are compared with
 * those released ({@code db/changelog/released-checksums.txt}: file, id, author and checksum).
 */
@IntegrationTest
class ChangesetChecksumsTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void noReleasedChangesetChangesAndEachNewOneIsListed() throws IOException {
		var released = released();
		var problems = new ArrayList<String>();
		this.jdbc.query("SELECT filename, id, author, md5sum FROM databasechangelog ORDER BY orderexecuted", rs -> {
			var name = rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3);
			var sum = rs.getString(4);
			var was = released.remove(name);
			if (was == null) {
				problems.add("Changeset " + name + " is new, or renamed (a database that ran it under its old name runs"
						+ " it again): append '" + name + " " + sum + "' to released-checksums.txt");
			}
			else if (!version(was).equals(version(sum))) {
				problems.add("Changeset " + name + " has a checksum of version " + version(sum) + ", released "
						+ version(was) + ": another Liquibase computes them (databases store the new ones themselves);"
						+ " write the file again from a new database");
			}
			else if (!was.equals(sum)) {
				problems.add("Changeset " + name + " changed after its release (" + was + ", now " + sum + "): a"
						+ " database it ran on refuses to start, unless the changeset takes the old checksum"
						+ " (validCheckSum); undo the edit and add a new changeset");
			}
		});
		released.keySet().forEach(name -> problems.add("Changeset " + name + " was released and is gone"));
		assertThat(problems).isEmpty();
	}

	/** The checksum's version, before its colon. */
	private static String version(String sum) {
		return sum.substring(0, Math.max(0, sum.indexOf(':')));
	}

	private static Map<String, String> released() throws IOException {
		var text = new ClassPathResource("db/changelog/released-checksums.txt")
			.getContentAsString(StandardCharsets.UTF_8);
		var sums = new LinkedHashMap<String, String>();
		for (var line : List.of(text.split("\n"))) {
			if (!line.isBlank() && !line.startsWith("#")) {
				var parts = line.strip().split(" ");
				sums.put(parts[0] + " " + parts[1] + " " + parts[2], parts[3]);
			}
		}
		return sums;
	}

}
