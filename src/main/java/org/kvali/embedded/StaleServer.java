package org.kvali.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run that was killed leaves its embedded PostgreSQL running, or its postmaster.pid behind; either would stop the
 * next start. The data folder belongs to Kvali alone, so a server found on it is ours to stop.
 */
final class StaleServer {

	private static final Logger log = LoggerFactory.getLogger(StaleServer.class);

	private static final Duration WAIT = Duration.ofSeconds(20);

	private StaleServer() {
	}

	static void stopIfRunning(Path dataDir) throws IOException {
		var pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		var server = readPid(pidFile).flatMap(ProcessHandle::of).filter(StaleServer::isPostgres);
		if (server.isPresent()) {
			log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", server.get().pid(), dataDir);
			stop(server.get());
		}
		Files.deleteIfExists(pidFile);
	}

	private static Optional<Long> readPid(Path pidFile) throws IOException {
		var lines = Files.readAllLines(pidFile);
		try {
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> command.contains("postgres")).orElse(false);
	}

	private static void stop(ProcessHandle server) {
		// SIGTERM asks PostgreSQL for a smart shutdown; its clients died with the earlier run.
		server.destroy();
		try {
			server.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			log.warn("PostgreSQL pid {} did not stop in {}; killing it", server.pid(), WAIT);
			server.destroyForcibly();
		}
	}

}
