package org.kvali.report;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * (a review's).
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
	 * awaited, its failure too), and kept weighing what {@code weigh} counts of it and its question (at least one).
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
			else {
				this.hits++;
			}
		}
		return running != null ? (T) awaited(running.answer()) : counted(question, compute, weigh, mine);
	}

	/** The answer computed, kept if light enough, and given to those awaiting it ({@code mine}, if any). */
	private <T> T counted(Object question, Supplier<T> compute, ToIntFunction<T> weigh, Counting mine) {
		try {
			T answer = compute.get();
			int heft = Math.max(1, weigh.applyAsInt(answer));
			if (heft <= Math.max(1, this.groups / HEAVIEST_SHARE)) {
				keep(question, new Kept(answer, heft));
			}
			if (mine != null) {
				mine.answer().complete(answer);
			}
			return answer;
		}
		catch (RuntimeException | Error ex) {
			if (mine != null) {
				mine.answer().completeExceptionally(ex);
			}
			throw ex;
		}
		finally {
			if (mine != null) {
				synchronized (this) {
					this.counting.remove(question);
				}
			}
		}
	}

	private static Object awaited(CompletableFuture<Object> running) {
		try {
			return running.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error failure) {
				throw failure;
			}
			throw ex;
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
