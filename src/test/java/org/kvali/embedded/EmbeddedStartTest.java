package org.kvali.embedded;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedStartTest {

	@TempDir
	Path dataDir;

	/**
	 * A folder a run wiping it left (killed before it could wipe it at its stop) is wiped, and PostgreSQL starts on it
	 * afresh: initdb failed on it.
	 */
	@Test
	void aFolderAWipedRunLeftIsWipedAndStartedAfresh() throws Exception {
		leaveDatabase();
		EmbeddedStart.mark(this.dataDir);
		EmbeddedStart.wipe(this.dataDir);
		assertThat(this.dataDir).isEmptyDirectory();
		try (var next = EmbeddedPostgres.builder().setDataDirectory(this.dataDir).setCleanDataDirectory(true).start();
				var connection = next.getPostgresDatabase().getConnection();
				var result = connection.createStatement().executeQuery("SELECT to_regclass('left_behind') IS NULL")) {
			assertThat(result.next() && result.getBoolean(1)).isTrue();
		}
	}

	/** A database kept between runs is never wiped: the setting given by mistake would have lost it (a reviewer's). */
	@Test
	void aKeptDatabaseIsRefusedAndKept() throws Exception {
		leaveDatabase();
		assertThatThrownBy(() -> EmbeddedStart.wipe(this.dataDir)).isInstanceOf(IllegalStateException.class)
			.hasMessage("kvali.embedded.clean (KVALI_EMBEDDED_CLEAN) is true, and the folder " + this.dataDir
					+ " (KVALI_EMBEDDED_DATA_DIR) holds a database kept between runs: only a folder an earlier run"
					+ " wiping it left is wiped; give an empty or a new folder");
		assertThat(this.dataDir.resolve("PG_VERSION")).exists();
	}

	/** A folder holding anything but a database is not wiped: a data folder set to a home folder would be lost. */
	@Test
	void aFolderOfOtherFilesIsRefusedAndKept() throws Exception {
		Files.writeString(this.dataDir.resolve("notes.txt"), "mine");
		EmbeddedStart.mark(this.dataDir);
		assertThatThrownBy(() -> EmbeddedStart.wipe(this.dataDir)).isInstanceOf(IllegalStateException.class)
			.hasMessage("kvali.embedded.clean (KVALI_EMBEDDED_CLEAN) is true, and the folder " + this.dataDir
					+ " (KVALI_EMBEDDED_DATA_DIR) holds files but no database: only a folder an earlier run wiping it"
					+ " left is wiped; give an empty or a new folder");
		assertThat(this.dataDir.resolve("notes.txt")).hasContent("mine");
		assertThatNoException().isThrownBy(() -> EmbeddedStart.wipe(this.dataDir.resolve("new")));
	}

	/** A database of a run that keeps it, with a table in it. */
	private void leaveDatabase() throws Exception {
		try (var earlier = EmbeddedPostgres.builder().setDataDirectory(this.dataDir).setCleanDataDirectory(false).start();
				var connection = earlier.getPostgresDatabase().getConnection()) {
			connection.createStatement().execute("CREATE TABLE left_behind (n int)");
		}
		assertThat(this.dataDir.resolve("PG_VERSION")).exists();
	}

	/** A kept database's folder holding other files, or a file, is refused naming the setting (initdb failed on it). */
	@Test
	void aKeptFolderOfOtherFilesOrAFileIsRefused() throws Exception {
		assertThatNoException().isThrownBy(() -> EmbeddedStart.kept(this.dataDir));
		Files.writeString(this.dataDir.resolve("notes.txt"), "mine");
		assertThatThrownBy(() -> EmbeddedStart.kept(this.dataDir)).isInstanceOf(IllegalStateException.class)
			.hasMessage("kvali.embedded.data-dir (KVALI_EMBEDDED_DATA_DIR) is " + this.dataDir + ", which holds files"
					+ " but no database: give a folder, new or holding Kvali's database");
		assertThatThrownBy(() -> EmbeddedStart.kept(this.dataDir.resolve("notes.txt")))
			.hasMessageEndingWith("notes.txt, which is a file: give a folder, new or holding Kvali's database");
		assertThatThrownBy(() -> new EmbeddedPostgresProperties(this.dataDir, 70_000, false))
			.hasMessage("kvali.embedded.port (KVALI_EMBEDDED_PORT) is 70000: a port is 1 to 65535, or 0 for a free one");
	}

	@Test
	void aPortInUseIsNamed() throws Exception {
		try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThatThrownBy(() -> EmbeddedStart.portFree(taken.getLocalPort()))
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("kvali.embedded.port (KVALI_EMBEDDED_PORT) is " + taken.getLocalPort() + ", on which"
						+ " another program listens: give another port, or 0 for a free one");
		}
		assertThatNoException().isThrownBy(() -> EmbeddedStart.portFree(0));
	}

}
