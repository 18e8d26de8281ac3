package org.kvali.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The most recently asked answers over one {@link FactIndex}. The index never changes, so an answer stays right for
 * as long as its index is the current one; a new data version brings a new index with an empty cache. Answers are
 * kept before suppression, which depends on the caller and is applied to every answer as it is given.
 */
final class AnswerCache {

	private final Map<Object, Object> answers;

	private long hits;

	private long misses;

	AnswerCache(int capacity) {
		this.answers = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
				return size() > capacity;
			}
		};
	}

	/** The answer to the question, computed (outside the lock) only when not kept already. */
	<T> T get(Object question, Supplier<T> compute) {
		return get(question, compute, answer -> true);
	}

	/** The same, keeping a computed answer only when {@code keep} says so (an answer of a million groups is not). */
	@SuppressWarnings("unchecked")
	<T> T get(Object question, Supplier<T> compute, Predicate<T> keep) {
		synchronized (this) {
			var kept = this.answers.get(question);
			if (kept != null) {
				this.hits++;
				return (T) kept;
			}
			this.misses++;
		}
		T answer = compute.get();
		if (keep.test(answer)) {
			synchronized (this) {
				this.answers.put(question, answer);
			}
		}
		return answer;
	}

	synchronized long hits() {
		return this.hits;
	}

	synchronized long misses() {
		return this.misses;
	}

}
