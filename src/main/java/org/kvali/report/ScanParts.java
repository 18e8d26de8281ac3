package org.kvali.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * An index's rows cut at person boundaries into one part per processor and scanned at once: the first by the asking
 * thread, the others by helper threads, or by the asking thread too where no helper has started one yet. A person is
 * in one part only, so that the parts' distinct persons add up. Activities and organizations are cut alike to count
 * the groups' distinct ones ({@link RowSlots}).
 */
final class ScanParts {

	static final int PARTS = Math.max(2, Runtime.getRuntime().availableProcessors());

	/** Rows below which a scan is not worth cutting into parts (tests set 0 to cut the demo data too). */
	static volatile int smallScan = 200_000;

	private static final ExecutorService HELPERS = Executors.newFixedThreadPool(Math.max(1, PARTS - 1), runnable -> {
		var thread = new Thread(runnable, "report-scan");
		thread.setDaemon(true);
		return thread;
	});

	private ScanParts() {
	}

	/** A scan of rows {@code from} to {@code to - 1}, and what it counted. */
	interface Part<T> {

		T scan(int from, int to);

	}

	/**
	 * What each part counted, in row order: the first part by {@code first}, each other by a scan {@code others}
	 * makes (its counters its own, made on this thread before any helper starts); all rows in one part where {@code
	 * one} or they are few. A part that fails stops the scan: the parts no helper has started never start, and those
	 * running are waited for, so that none goes on counting, and charging the scan's memory, once the scan has ended.
	 */
	static <T> List<T> scan(FactIndex index, boolean one, Part<T> first, Supplier<Part<T>> others) {
		int parts = index.rows == 0 || index.rows < smallScan || one ? 1 : PARTS;
		var bounds = new int[parts + 1];
		for (int part = 1; part < parts; part++) {
			bounds[part] = index.personStart[index.person[(int) ((long) index.rows * part / parts)]];
		}
		bounds[parts] = index.rows;
		return inParts(bounds, first, others);
	}

	/**
	 * What each part between these bounds counted, in order, as {@link #scan} counts its parts: parts of other things
	 * than rows (activities and organizations, {@link RowSlots}).
	 */
	static <T> List<T> inParts(int[] bounds, Part<T> first, Supplier<Part<T>> others) {
		int parts = bounds.length - 1;
		var rest = new ArrayList<Claimed<T>>();
		for (int part = 1; part < parts; part++) {
			rest.add(new Claimed<>(bounds[part], bounds[part + 1], others.get()));
		}
		var futures = rest.stream().map(part -> HELPERS.submit(() -> part.claimAndRun())).toList();
		boolean counted = false;
		try {
			var results = new ArrayList<T>(parts);
			results.add(first.scan(bounds[0], bounds[1]));
			for (int n = 0; n < rest.size(); n++) {
				var part = rest.get(n);
				// a part no helper has started yet is scanned here rather than waited for
				if (part.claimAndRun()) {
					futures.get(n).cancel(false);
				}
				else {
					await(futures.get(n));
				}
				results.add(part.counted);
			}
			counted = true;
			return results;
		}
		finally {
			if (!counted) {
				stop(rest, futures);
			}
		}
	}

	private static void stop(List<? extends Claimed<?>> parts, List<? extends Future<?>> futures) {
		for (int n = 0; n < parts.size(); n++) {
			var part = parts.get(n);
			if (part.claimed.compareAndSet(false, true)) {
				futures.get(n).cancel(false);
				continue;
			}
			try {
				part.finished.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static void await(Future<?> future) {
		try {
			future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while counting", ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException(ex.getCause());
		}
	}

	/** One part of the rows, scanned by whichever thread claims it first. */
	private static final class Claimed<T> {

		private final int from;

		private final int to;

		private final Part<T> part;

		private final AtomicBoolean claimed = new AtomicBoolean();

		/** Open once the thread that claimed the part is done with it, whether it counted it all or failed. */
		private final CountDownLatch finished = new CountDownLatch(1);

		private volatile T counted;

		Claimed(int from, int to, Part<T> part) {
			this.from = from;
			this.to = to;
			this.part = part;
		}

		/** Scans the part unless another thread has claimed it; true when this thread did. */
		boolean claimAndRun() {
			if (!this.claimed.compareAndSet(false, true)) {
				return false;
			}
			try {
				this.counted = this.part.scan(this.from, this.to);
			}
			finally {
				this.finished.countDown();
			}
			return true;
		}

	}

}
