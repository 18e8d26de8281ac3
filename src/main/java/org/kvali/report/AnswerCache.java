package org.kvali.report;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The most recently asked answers over one {@link FactIndex}. The index never changes, so an answer stays right for
 * as long as its index is the current one; a new data version brings a new index with an empty cache. Answers are
 * kept before suppression, which depends on the caller and is applied to every answer as it is given.
 * <p>
 * Bounded twice: by the number of answers, and by their weight in groups, which each caller counts for its answers
 * with their questions (a breakdown's groups, a filter's codes), so that many answers of a few groups each fit where
 * a count alone would also have let as many answers of 10,000 groups each, or of long lists of codes, fill the heap.
 * An answer weighing more than a twentieth of all the groups kept is not kept at all.
 * <p>
 * A question asked while the same is being counted waits for that answer: a new index begins with no answers, and
 * eight dashboards opened after a sheet's load each counted every one of their questions, waiting for turns to scan
 * (a review's). A failure is not shared: its asker's own (no turn to scan in time, an interrupted thread), the others
 * waiting count the question themselves.
 */
final class AnswerCache {

	/** An answer heavier than this share of {@link #groups} is not kept: it would push out 20 others or more. */
	private static final int HEAVIEST_SHARE = 20;

	private final LinkedHashMap<Object, Kept> answers = new LinkedHashMap<>(16, 0.75f, true);

	/** The questions being counted now: by which thread, and their answers to come. */
	private final Map<Object, Counting> counting = new HashMap<>();

	private record Counting(Thread thread, CompletableFuture<Object> answer) {
	}

	private final int capacity;

	private final long groups;

	private long weight;

	private long hits;

	private long misses;

	private record Kept(Object answer, int weight) {
	}

	/** At most {@code capacity} answers holding at most {@code groups} groups in all; 0 for either keeps none. */
	AnswerCache(int capacity, long groups) {
		this.capacity = capacity;
		this.groups = groups;
	}

	/**
	 * The answer to the question, computed (outside the lock) only when not kept already nor being computed (then
	 * awaited, and computed if that failed), and kept weighing what {@code weigh} counts of it and its question (at
	 * least one). An answer awaited is a hit.
	 */
	@SuppressWarnings("unchecked")
	<T> T get(Object question, Supplier<T> compute, ToIntFunction<T> weigh) {
		Counting running;
		Counting mine = null;
		synchronized (this) {
			var kept = this.answers.get(question);
			if (kept != null) {
				this.hits++;
				return (T) kept.answer();
			}
			running = this.counting.get(question);
			if (running == null) {
				mine = new Counting(Thread.currentThread(), new CompletableFuture<>());
				this.counting.put(question, mine);
			}
			// the thread counting it, asking again within, counts it again rather than wait for itself
			else if (running.thread() == Thread.currentThread()) {
				running = null;
			}
			if (running == null) {
				this.misses++;
			}
		}
		if (running == null) {
			return counted(question, compute, weigh, mine);
		}
		try {
			var answer = (T) running.answer().join();
			synchronized (this) {
				this.hits++;
			}
			return answer;
		}
		catch (CompletionException | CancellationException failed) {
			return get(question, compute, weigh);
		}
	}

	/**
	 * The answer computed, kept if light enough, and given to those awaiting it ({@code mine}, if any), once the
	 * question is no longer being counted: one that failed is then counted again by those it lets go.
	 */
	private <T> T counted(Object question, Supplier<T> compute, ToIntFunction<T> weigh, Counting mine) {
		T answer;
		try {
			answer = compute.get();
			int heft = Math.max(1, weigh.applyAsInt(answer));
			if (heft <= heaviest()) {
				keep(question, new Kept(answer, heft));
			}
		}
		catch (Throwable ex) {
			// whatever it is, those waiting are let go
			done(question, mine);
			if (mine != null) {
				mine.answer().completeExceptionally(ex);
			}
			throw ex;
		}
		done(question, mine);
		if (mine != null) {
			mine.answer().complete(answer);
		}
		return answer;
	}

	/**
	 * Keeps the answer to a question counted beside another (a partner's strangers' groups, in its own question's
	 * scan), as {@link #get} would have kept it, unless one is kept already.
	 */
	<T> void offer(Object question, T answer, ToIntFunction<T> weigh) {
		int heft = Math.max(1, weigh.applyAsInt(answer));
		synchronized (this) {
			if (!this.answers.containsKey(question) && heft <= heaviest()) {
				keep(question, new Kept(answer, heft));
			}
		}
	}

	/** The most an answer may weigh and be kept: none when no answers are kept at all. */
	long heaviest() {
		return this.capacity <= 0 || this.groups <= 0 ? 0 : Math.max(1, this.groups / HEAVIEST_SHARE);
	}

	/** Whether an answer to the question is kept now (it is not counted as a hit). */
	synchronized boolean holds(Object question) {
		return this.answers.containsKey(question);
	}

	private synchronized void done(Object question, Counting mine) {
		if (mine != null) {
			this.counting.remove(question);
		}
	}

	private synchronized void keep(Object question, Kept answer) {
		var replaced = this.answers.put(question, answer);
		this.weight += answer.weight() - (replaced == null ? 0 : replaced.weight());
		var eldest = this.answers.values().iterator();
		while ((this.answers.size() > this.capacity || this.weight > this.groups) && eldest.hasNext()) {
			this.weight -= eldest.next().weight();
			eldest.remove();
		}
	}

	synchronized long hits() {
		return this.hits;
	}

	synchronized long misses() {
		return this.misses;
	}

	/** The answers kept now and what they weigh: for tests. */
	synchronized long[] kept() {
		return new long[] { this.answers.size(), this.weight };
	}

}
