package org.kvali.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Watches the embedded PostgreSQL the service started: when its server process is gone (killed, crashed), the service
 * is broken, for it does not start it again, and liveness says so, so that a probe restarts the service. It answered
 * UP for good with no database under it (a tester's). A database paused or slow is no failure of liveness.
 */
class EmbeddedWatch implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedWatch.class);

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		var thread = new Thread(runnable, "embedded-watch");
		thread.setDaemon(true);
		return thread;
	});

	EmbeddedWatch(Path dataDir, ApplicationEventPublisher events) throws IOException {
		var server = StaleServer.readPid(dataDir.resolve("postmaster.pid")).flatMap(ProcessHandle::of);
		if (server.isEmpty()) {
			return;
		}
		this.timer.scheduleWithFixedDelay(() -> {
			if (!server.get().isAlive()) {
				log.error("The embedded PostgreSQL (pid {}, data in {}) has stopped; the service is not live: "
						+ "restart it", server.get().pid(), dataDir);
				AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
				this.timer.shutdown();
			}
		}, 2, 2, TimeUnit.SECONDS);
	}

	@Override
	public void destroy() {
		this.timer.shutdownNow();
	}

}
