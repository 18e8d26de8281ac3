package org.kvali.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedWatchTest {

	@TempDir
	Path dataDir;

	/** The server process gone, the service is no longer live; while it runs, nothing is said. */
	@Test
	void aServerGoneBreaksLiveness() throws Exception {
		var server = new ProcessBuilder("sleep", "60").start();
		Files.writeString(this.dataDir.resolve("postmaster.pid"), server.pid() + "\n" + this.dataDir + "\n");
		List<Object> events = new CopyOnWriteArrayList<>();
		var watch = new EmbeddedWatch(this.dataDir, events::add);
		try {
			Thread.sleep(2500);
			assertThat(events).isEmpty();
			server.destroy();
			assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (events.isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			assertThat(events).singleElement()
				.extracting(event -> ((AvailabilityChangeEvent<?>) event).getState())
				.isEqualTo(LivenessState.BROKEN);
		}
		finally {
			watch.destroy();
			server.destroyForcibly();
		}
	}

}
