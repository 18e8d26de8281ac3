package org.kvali.embedded;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * What the embedded PostgreSQL needs before it starts, each refused with the setting to change: a free port, and
 * for a folder wiped at every start, a folder that is empty or a database's. A folder left by an earlier run was not
 * wiped, and the start failed deep in initdb; a port in use failed after a minute's wait, naming neither (a tester's).
 */
final class EmbeddedStart {

	private EmbeddedStart() {
	}

	/** Wipes a database folder left by an earlier run; refuses a folder holding anything else. */
	static void wipe(Path dataDir) throws IOException {
		if (!Files.isDirectory(dataDir)) {
			return;
		}
		try (var entries = Files.list(dataDir)) {
			if (entries.findAny().isEmpty()) {
				return;
			}
		}
		if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
			throw new IllegalStateException("kvali.embedded.clean (KVALI_EMBEDDED_CLEAN) is true, and the folder "
					+ dataDir + " (KVALI_EMBEDDED_DATA_DIR) holds files but no PostgreSQL database: only a database's "
					+ "folder is wiped; give an empty or a new folder");
		}
		try (var paths = Files.walk(dataDir)) {
			for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
				if (!path.equals(dataDir)) {
					Files.delete(path);
				}
			}
		}
	}

	/** Refuses a port another program listens on (0 picks a free one). */
	static void portFree(int port) throws IOException {
		if (port == 0) {
			return;
		}
		try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
		}
		catch (BindException ex) {
			throw new IllegalStateException("kvali.embedded.port (KVALI_EMBEDDED_PORT) is " + port + ", on which "
					+ "another program listens: give another port, or 0 for a free one", ex);
		}
	}

}
