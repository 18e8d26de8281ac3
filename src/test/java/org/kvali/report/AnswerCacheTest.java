package org.kvali.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The answers an index keeps, bounded by their number and by the groups they hold. */
class AnswerCacheTest {

	/** What each question's computation was asked, in order. */
	private final List<String> computed = new ArrayList<>();

	private Supplier<List<Integer>> groups(String question, int count) {
		return () -> {
			this.computed.add(question);
			return new ArrayList<>(Collections.nCopies(count, 1));
		};
	}

	private List<Integer> ask(AnswerCache cache, String question, int count) {
		return cache.get(question, groups(question, count), List::size);
	}

	@Test
	void theLeastRecentlyAskedAnswerGoesWhenTheCountIsReached() {
		var cache = new AnswerCache(2, 1_000);
		ask(cache, "a", 1);
		ask(cache, "b", 1);
		ask(cache, "a", 1);
		ask(cache, "c", 1);
		ask(cache, "a", 1);
		ask(cache, "b", 1);
		assertThat(this.computed).containsExactly("a", "b", "c", "b");
		assertThat(cache.kept()).containsExactly(2, 2);
		assertThat(cache.hits()).isEqualTo(2);
		assertThat(cache.misses()).isEqualTo(4);
	}

	@Test
	void theEldestAnswersGoUntilTheGroupsKeptFitTheirBound() {
		var cache = new AnswerCache(100, 200);
		ask(cache, "a", 10);
		ask(cache, "b", 10);
		ask(cache, "c", 10);
		assertThat(cache.kept()).containsExactly(3, 30);
		for (int i = 0; i < 17; i++) {
			ask(cache, "n" + i, 10);
		}
		assertThat(cache.kept()).containsExactly(20, 200);
		// b asked again is the latest; then 5 more groups push out the eldest answer, a, and 6 more push out c
		ask(cache, "b", 10);
		ask(cache, "d", 5);
		ask(cache, "e", 6);
		assertThat(cache.kept()).containsExactly(20, 191);
		this.computed.clear();
		ask(cache, "a", 10);
		ask(cache, "c", 10);
		ask(cache, "b", 10);
		assertThat(this.computed).containsExactly("a", "c");
	}

	@Test
	void anAnswerOfMoreThanATwentiethOfTheGroupsIsGivenButNotKept() {
		var cache = new AnswerCache(100, 200);
		assertThat(ask(cache, "ten", 10)).hasSize(10);
		assertThat(ask(cache, "eleven", 11)).hasSize(11);
		assertThat(ask(cache, "eleven", 11)).hasSize(11);
		assertThat(this.computed).containsExactly("ten", "eleven", "eleven");
		assertThat(cache.kept()).containsExactly(1, 10);
	}

	/** The same question computed twice at once: the later answer replaces the first, and only its weight counts. */
	@Test
	void anAnswerComputedAgainMeanwhileReplacesTheFirst() {
		var cache = new AnswerCache(100, 200);
		var answer = cache.get("q", () -> {
			ask(cache, "q", 3);
			return List.of(1, 2, 3, 4, 5, 6, 7);
		}, List::size);
		assertThat(answer).hasSize(7);
		assertThat(cache.kept()).containsExactly(1, 7);
		assertThat(cache.get("q", () -> List.of(), List::size)).hasSize(7);
	}

	/**
	 * A question asked while another thread counts it waits for that answer, and is not counted again: eight
	 * dashboards opened after a sheet's load each counted every question of a new index (a review's). A failure is
	 * not shared: the one waiting counts the question itself.
	 */
	@Test
	void aQuestionBeingCountedIsAwaitedNotCountedAgain() throws Exception {
		var cache = new AnswerCache(100, 200);
		for (boolean fails : new boolean[] { false, true }) {
			var begun = new CountDownLatch(1);
			var release = new CountDownLatch(1);
			var counted = new AtomicInteger();
			var question = "q" + fails;
			Supplier<List<Integer>> slow = () -> {
				counted.incrementAndGet();
				begun.countDown();
				await(release);
				if (fails) {
					throw new IllegalStateException("no turn");
				}
				return List.of(1, 2, 3);
			};
			var answers = new ArrayList<Object>(Collections.nCopies(2, null));
			var first = asking(() -> cache.get(question, slow, List::size), answers, 0);
			begun.await(10, TimeUnit.SECONDS);
			var second = asking(() -> cache.get(question, slow, List::size), answers, 1);
			// parked on the answer to come (counting it, it would wait for the latch, with a time out)
			for (int i = 0; i < 500 && second.getState() != Thread.State.WAITING && counted.get() < 2; i++) {
				Thread.sleep(10);
			}
			release.countDown();
			first.join(10_000);
			second.join(10_000);
			if (fails) {
				assertThat(answers).allSatisfy(failure -> assertThat(failure).isInstanceOfSatisfying(
						IllegalStateException.class, ex -> assertThat(ex).hasMessage("no turn")));
				assertThat(counted).as("counted again by the one let go").hasValue(2);
			}
			else {
				assertThat(answers).containsExactly(List.of(1, 2, 3), List.of(1, 2, 3));
				assertThat(counted).hasValue(1);
			}
		}
		assertThat(cache.hits()).isEqualTo(1);
		assertThat(cache.misses()).isEqualTo(3);
	}

	/** A thread asking, its answer or failure put at {@code at}. */
	private static Thread asking(Supplier<Object> ask, List<Object> answers, int at) {
		var thread = new Thread(() -> {
			try {
				answers.set(at, ask.get());
			}
			catch (RuntimeException ex) {
				answers.set(at, ex);
			}
		});
		thread.start();
		return thread;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void totalsAndEmptyAnswersWeighOneAndNoneAreKeptWithEitherBoundAtZero() {
		var cache = new AnswerCache(100, 40);
		ask(cache, "empty", 0);
		cache.get("totals", () -> "one", answer -> 1);
		assertThat(cache.kept()).containsExactly(2, 2);
		// a bound of fewer than 20 groups keeps answers of one
		var few = new AnswerCache(100, 5);
		ask(few, "one", 1);
		ask(few, "two", 2);
		assertThat(few.kept()).containsExactly(1, 1);
		this.computed.clear();
		this.computed.add("empty");
		for (var none : List.of(new AnswerCache(0, 200), new AnswerCache(10, 0))) {
			ask(none, "a", 1);
			ask(none, "a", 1);
			assertThat(none.kept()).containsExactly(0, 0);
		}
		assertThat(this.computed).containsExactly("empty", "a", "a", "a", "a");
	}

}
