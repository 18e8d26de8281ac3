package org.kvali.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Small-cell suppression of one breakdown for callers who see aggregates only. A group of 1 to k-1 participants is
 * suppressed. So that no suppressed group can be recovered as a total minus the others, every line of groups that
 * differ in one dimension only (a row or a column of a two-dimension breakdown), and the whole breakdown, with
 * exactly one suppressed group, or whose suppressed groups' counts add up to fewer than k participants, has its next
 * smallest group suppressed too, repeated until nothing changes. Exactly one was the rule before; two of 1 each were
 * then told exactly:
 * of a total of 14 at a workshop, 12 without a disability shown, the 2 others could only be 1 with a disability and
 * 1 not known, since one hidden group alone would have hidden a second. Suppressed groups are placed
 * after the others, in the order of their dimension values, so that a page cut by {@code first} holds the same shown
 * groups whatever their sizes; the schema leaves them out ({@link ReportService#shownBreakdown}). The result depends
 * only on the groups, so the same question always gets the same answer.
 */
public final class SmallCells {

	/**
	 * The natural order of groups' keys, as the schema gives it for breakdowns: codes, enum names and period keys
	 * ascending, age bands youngest first, false before true, unknown last; dimension by dimension.
	 */
	static final Comparator<List<Object>> NATURAL = (left, right) -> {
		for (int n = 0; n < left.size(); n++) {
			int compared = compareValues(left.get(n), right.get(n));
			if (compared != 0) {
				return compared;
			}
		}
		return 0;
	};

	private SmallCells() {
	}

	private static int compareValues(Object left, Object right) {
		if (left == null || right == null) {
			return left == null ? (right == null ? 0 : 1) : -1;
		}
		if (left instanceof AgeBand band) {
			return band.compareTo((AgeBand) right);
		}
		if (left instanceof Enum<?> value) {
			return value.name().compareTo(((Enum<?>) right).name());
		}
		if (left instanceof Boolean value) {
			return value.compareTo((Boolean) right);
		}
		return ((String) left).compareTo((String) right);
	}

	/** Whether a set of this many participants is too small to show. */
	static boolean tooSmall(int participants, int k) {
		return participants > 0 && participants < k;
	}

	/**
	 * The lines over which a total is told: each set of items whose keys (their values of {@code dimensions}
	 * dimensions, in order) differ in one place only, where there are two dimensions or more, and all the items.
	 */
	public static <T> List<List<T>> lines(List<T> items, int dimensions, Function<T, List<Object>> key) {
		var lines = new ArrayList<List<T>>();
		for (int varying = 0; varying < dimensions && dimensions > 1; varying++) {
			var byRest = new LinkedHashMap<List<Object>, List<T>>();
			for (var item : items) {
				var rest = new ArrayList<>(key.apply(item));
				rest.remove(varying);
				byRest.computeIfAbsent(rest, fixed -> new ArrayList<>()).add(item);
			}
			lines.addAll(byRest.values());
		}
		lines.add(items);
		return lines;
	}

	/** The groups, in their order, with the suppressed ones moved last; {@code first} is applied after that. */
	static List<ParticipationGroup> suppress(List<ParticipationGroup> groups, List<Dimension> by, int k,
			Integer first) {
		Set<ParticipationGroup> suppressed = new HashSet<>();
		for (var group : groups) {
			if (tooSmall(group.participants(), k)) {
				suppressed.add(group);
			}
		}
		// each line of groups that differ in one dimension only, and the whole breakdown, until nothing changes
		var lines = lines(groups, by.size(), group -> group.values(by));
		for (int before = -1; before != suppressed.size();) {
			before = suppressed.size();
			lines.forEach(line -> secondary(line, suppressed, by, k));
		}
		var shown = new ArrayList<ParticipationGroup>(groups.size());
		var hidden = new ArrayList<ParticipationGroup>();
		for (var group : groups) {
			if (suppressed.contains(group)) {
				hidden.add(group.hidden());
			}
			else {
				shown.add(group);
			}
		}
		hidden.sort(Comparator.comparing(group -> group.values(by), NATURAL));
		shown.addAll(hidden);
		return first == null || first >= shown.size() ? shown : shown.subList(0, first);
	}

	/**
	 * When exactly one group of the set is suppressed, or the suppressed ones' counts add up to 1 to k-1 participants,
	 * suppresses the smallest other one too. One alone can be of k or more, suppressed for another line: told as this
	 * line's total minus the others, it would tell the small group it was suppressed to hide.
	 */
	private static void secondary(List<ParticipationGroup> set, Set<ParticipationGroup> suppressed,
			List<Dimension> by, int k) {
		var hidden = set.stream().filter(suppressed::contains).toList();
		if (set.size() < 2 || hidden.size() != 1
				&& !tooSmall(hidden.stream().mapToInt(ParticipationGroup::participants).sum(), k)) {
			return;
		}
		set.stream()
			.filter(group -> !suppressed.contains(group))
			.min(Comparator.comparingInt(ParticipationGroup::participants)
				.thenComparingInt(ParticipationGroup::participations)
				.thenComparing(group -> group.values(by), NATURAL))
			.ifPresent(suppressed::add);
	}

}
