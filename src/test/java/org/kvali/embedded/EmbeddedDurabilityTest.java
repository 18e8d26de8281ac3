package org.kvali.embedded;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A kept data folder is flushed to disk at every commit; a folder wiped at start is not. */
class EmbeddedDurabilityTest {

	@TempDir
	Path dataDir;

	@Test
	void aKeptFolderIsFlushedAtEveryCommit() {
		assertThat(settings(false)).isEqualTo("on on");
	}

	@Test
	void aFolderWipedAtStartIsNotFlushed() {
		assertThat(settings(true)).isEqualTo("off off");
	}

	private String settings(boolean clean) {
		var result = new String[1];
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class))
			.withPropertyValues("kvali.embedded.data-dir=" + this.dataDir, "kvali.embedded.clean=" + clean)
			.run(context -> {
				var jdbc = new JdbcTemplate(context.getBean(EmbeddedPostgres.class).getPostgresDatabase());
				result[0] = jdbc.queryForObject("SHOW fsync", String.class) + " "
						+ jdbc.queryForObject("SHOW synchronous_commit", String.class);
			});
		return result[0];
	}

}
