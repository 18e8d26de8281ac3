package org.kvali.report;

import java.util.LinkedHashMap;
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
 */
final class AnswerCache {

	/** An answer heavier than this share of {@link #groups} is not kept: it would push out 20 others or more. */
	private static final int HEAVIEST_SHARE = 20;

	private final LinkedHashMap<Object, Kept> answers = new LinkedHashMap<>(16, 0.75f, true);

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
	 * The answer to the question, computed (outside the lock) only when not kept already, and kept weighing what
	 * {@code weigh} counts of it and its question (at least one).
	 */
	@SuppressWarnings("unchecked")
	<T> T get(Object question, Supplier<T> compute, ToIntFunction<T> weigh) {
		synchronized (this) {
			var kept = this.answers.get(question);
			if (kept != null) {
				this.hits++;
				return (T) kept.answer();
			}
			this.misses++;
		}
		T answer = compute.get();
		int heft = Math.max(1, weigh.applyAsInt(answer));
		if (heft <= Math.max(1, this.groups / HEAVIEST_SHARE)) {
			keep(question, new Kept(answer, heft));
		}
		return answer;
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
