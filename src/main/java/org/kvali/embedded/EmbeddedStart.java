package org.kvali.embedded;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * What the embedded PostgreSQL needs before it starts, each refused with the setting to change: a free port, and
 * for a folder wiped at every start, a folder that is empty or one a wiped run left. A folder left by such a run was
 * not wiped, and the start failed deep in initdb; a port in use failed after a minute's wait, naming neither (a
 * tester's).
 * A database kept between runs is never wiped: a start with the setting on by mistake would have lost it.
 */
final class EmbeddedStart {

	/** The file a run that wipes its folder leaves in it, so that a later such run knows the folder for its own. */
	static final String MARK = "kvali-wiped-at-start";

	private EmbeddedStart() {
	}

	/** Wipes a folder a wiped run left; refuses one holding anything else, a kept database above all. */
	static void wipe(Path dataDir) throws IOException {
		notAFile(dataDir);
		if (!Files.isDirectory(dataDir)) {
			return;
		}
		try (var entries = Files.list(dataDir)) {
			if (entries.findAny().isEmpty()) {
				return;
			}
		}
		if (!Files.exists(dataDir.resolve(MARK)) || !Files.exists(dataDir.resolve("PG_VERSION"))) {
			throw new IllegalStateException("kvali.embedded.clean (KVALI_EMBEDDED_CLEAN) is true, and the folder "
					+ dataDir + " (KVALI_EMBEDDED_DATA_DIR) holds " + (Files.exists(dataDir.resolve("PG_VERSION"))
							? "a database kept between runs" : "files but no database")
					+ ": only a folder an earlier run wiping it left is wiped; give an empty or a new folder");
		}
		try (var paths = Files.walk(dataDir)) {
			for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
				if (!path.equals(dataDir)) {
					Files.delete(path);
				}
			}
		}
	}

	/** Marks the folder of a run that wipes it, once its database is made (initdb takes an empty folder alone). */
	static void mark(Path dataDir) throws IOException {
		Files.writeString(dataDir.resolve(MARK), "Wiped at every start of Kvali with KVALI_EMBEDDED_CLEAN=true\n");
	}

	/**
	 * Refuses, for a kept database, a path that is a file or a folder holding other files than a database: initdb
	 * failed on them with a stack trace that did not say why (a tester's).
	 */
	static void kept(Path dataDir) throws IOException {
		notAFile(dataDir);
		if (!Files.isDirectory(dataDir) || Files.exists(dataDir.resolve("PG_VERSION"))) {
			return;
		}
		try (var entries = Files.list(dataDir)) {
			if (entries.findAny().isPresent()) {
				throw new IllegalStateException("kvali.embedded.data-dir (KVALI_EMBEDDED_DATA_DIR) is " + dataDir
						+ ", which holds files but no database: give a folder, new or holding Kvali's database");
			}
		}
	}

	private static void notAFile(Path dataDir) {
		if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
			throw new IllegalStateException("kvali.embedded.data-dir (KVALI_EMBEDDED_DATA_DIR) is " + dataDir
					+ ", which is a file: give a folder, new or holding Kvali's database");
		}
	}

	/** Refuses a port another program listens on (0 picks a free one). */
	static void portFree(int port) throws IOException {
		if (port == 0) {
			return;
		}
		try (var socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
		}
		catch (BindException ex) {
			throw new IllegalStateException("kvali.embedded.port (KVALI_EMBEDDED_PORT) is " + port + ", on which "
					+ "another program listens: give another port, or 0 for a free one", ex);
		}
	}

}
