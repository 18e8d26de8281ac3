package org.kvali.embedded;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Run in a child JVM: starts PostgreSQL on a folder, then dies without stopping it, as a killed run would; with
 * {@code stay}, only once its input closes.
 */
public final class OrphanedServer {

	private OrphanedServer() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false).start();
		System.out.println("started");
		System.out.flush();
		if (args.length > 1 && args[1].equals("stay")) {
			// a service still running on the folder, until its parent closes its input
			System.in.read();
		}
		Runtime.getRuntime().halt(0);
	}

}
