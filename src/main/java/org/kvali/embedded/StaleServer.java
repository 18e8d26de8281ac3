package org.kvali.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run that was killed leaves its embedded PostgreSQL running, or its postmaster.pid behind; either would stop the
 * next start. The data folder belongs to Kvali alone, so a server found on it is ours to stop, unless the service that
 * started it still runs: then the start is refused.
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
			var owner = owner(server.get());
			if (owner.isPresent() && owner.get().pid() != ProcessHandle.current().pid()) {
				throw new IllegalStateException("The data folder " + dataDir + " is in use: the PostgreSQL on it (pid "
						+ server.get().pid() + ") belongs to a service still running (pid " + owner.get().pid()
						+ "); stop that one first, or give this one another folder (KVALI_EMBEDDED_DATA_DIR)");
			}
			log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", server.get().pid(), dataDir);
			stop(server.get());
		}
		Files.deleteIfExists(pidFile);
	}

	/**
	 * The Java process that started the server, while it runs: the embedded PostgreSQL names it in the server's
	 * environment ({@code PG_GRANDPARENT_PID}). A second start on the same folder stopped the first one's database
	 * under it. Read where the system shows a process's environment (Linux); elsewhere none is found.
	 */
	private static Optional<ProcessHandle> owner(ProcessHandle server) {
		try {
			var environment = Files.readString(Path.of("/proc", Long.toString(server.pid()), "environ"),
					StandardCharsets.ISO_8859_1);
			for (var variable : environment.split("\0")) {
				if (variable.startsWith("PG_GRANDPARENT_PID=")) {
					return ProcessHandle.of(Long.parseLong(variable.substring("PG_GRANDPARENT_PID=".length())))
						.filter(ProcessHandle::isAlive)
						.filter(process -> process.info().command().map(command -> command.contains("java")).orElse(false));
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// not shown, or not ours to read: left to the check of the server alone
		}
		return Optional.empty();
	}

	/** The process id a pid file names first; empty for a file that names none. */
	static Optional<Long> readPid(Path pidFile) throws IOException {
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
