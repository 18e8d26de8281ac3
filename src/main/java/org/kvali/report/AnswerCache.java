package org.kvali.report;

import java.util.LinkedHashMap;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The most recently asked answers over one {@link FactIndex}. The index never changes, so an answer stays right for
 * as long as its index is the current one; a new data version brings a new index with an empty cache. Answers are
 * kept before suppression, which depends on the caller and is applied to every answer as it is given.
 * <p>
 * Bounded twice: by the number of answers, and by their weight, the groups they hold (totals weigh one), so that
 * many answers of a few groups each fit where a count alone would also have let as many answers of 10,000 groups
 * each fill the heap. An answer weighing more than a twentieth of all the groups kept is not kept at all.
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

	/** The answer to the question, computed (outside the lock) only when not kept already; it weighs one. */
	<T> T get(Object question, Supplier<T> compute) {
		return get(question, compute, answer -> 1);
	}

	/** The same, weighing a computed answer by the groups {@code weigh} counts in it. */
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
		if (heft <= this.groups / HEAVIEST_SHARE) {
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

	/** The answers kept now and the groups they hold: for tests and the benchmark. */
	synchronized long[] kept() {
		return new long[] { this.answers.size(), this.weight };
	}

}
