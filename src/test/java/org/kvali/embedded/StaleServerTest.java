package org.kvali.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaleServerTest {

	@TempDir
	Path dataDir;

	@Test
	void aServerLeftRunningByAKilledRunIsStoppedAndTheNextStartSucceeds() throws Exception {
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				OrphanedServer.class.getName(), this.dataDir.toString()).redirectErrorStream(true).start();
		assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(new String(child.getInputStream().readAllBytes())).contains("started");
		var orphanPid = Long.parseLong(Files.readAllLines(this.dataDir.resolve("postmaster.pid")).get(0).trim());
		assertThat(ProcessHandle.of(orphanPid)).isPresent();

		StaleServer.stopIfRunning(this.dataDir);

		assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).isEmpty();
		try (var next = EmbeddedPostgres.builder().setDataDirectory(this.dataDir).setCleanDataDirectory(false).start();
				var connection = next.getPostgresDatabase().getConnection();
				var result = connection.createStatement().executeQuery("SELECT 1")) {
			assertThat(result.next()).isTrue();
		}
	}

	/** A second start on the folder of a service still running is refused; the running one keeps its database. */
	@Test
	void aServerOfAServiceStillRunningIsLeftAlone() throws Exception {
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				OrphanedServer.class.getName(), this.dataDir.toString(), "stay").redirectErrorStream(true).start();
		try {
			var output = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
			// the embedded server logs its start first
			assertThat(output.lines().filter(line -> line.equals("started")).findFirst()).isPresent();
			var serverPid = Long.parseLong(Files.readAllLines(this.dataDir.resolve("postmaster.pid")).get(0).trim());
			assertThatThrownBy(() -> StaleServer.stopIfRunning(this.dataDir))
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("The data folder " + this.dataDir + " is in use: the PostgreSQL on it (pid " + serverPid
						+ ") belongs to a service still running (pid " + child.pid() + "); stop that one first, or give "
						+ "this one another folder (KVALI_EMBEDDED_DATA_DIR)");
			assertThat(ProcessHandle.of(serverPid).filter(ProcessHandle::isAlive)).isPresent();
			assertThat(this.dataDir.resolve("postmaster.pid")).exists();
		}
		finally {
			child.getOutputStream().close();
			assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
			// left behind now: stopped as any other
			StaleServer.stopIfRunning(this.dataDir);
		}
	}

	@Test
	void aPidFileOfAProcessThatIsGoneIsRemoved() throws Exception {
		Files.writeString(this.dataDir.resolve("postmaster.pid"), "999999999\n" + this.dataDir + "\n");
		StaleServer.stopIfRunning(this.dataDir);
		assertThat(this.dataDir.resolve("postmaster.pid")).doesNotExist();
	}

	@Test
	void aProcessThatIsNotPostgresIsLeftAlone() throws Exception {
		var self = ProcessHandle.current().pid();
		Files.writeString(this.dataDir.resolve("postmaster.pid"), self + "\n");
		StaleServer.stopIfRunning(this.dataDir);
		assertThat(ProcessHandle.current().isAlive()).isTrue();
		assertThat(this.dataDir.resolve("postmaster.pid")).doesNotExist();
	}

}
