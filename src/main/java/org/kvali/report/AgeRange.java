package org.kvali.report;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The schema's AgeRange: ages in whole years, taken as age bands take them (the activity's start year less the birth
 * year), from {@code from} to {@code to} inclusive, either open when null. No unknown age is in a range.
 */
public record AgeRange(Integer from, Integer to) {

	/** The oldest age a range may name. */
	public static final int OLDEST = 150;

	/**
	 * The fewest ages a caller whose answers are suppressed is told a count over, in a filter or in a group of age
	 * bands: no answer counts people of one or two birth years.
	 */
	public static final int FEWEST_SUPPRESSED = 5;

	/** The last age counted: those above {@link #OLDEST} an open end holds count as 5 more. */
	private static final int LAST_COUNTED = OLDEST + FEWEST_SUPPRESSED;

	public int lowest() {
		return this.from == null ? 0 : this.from;
	}

	public int highest() {
		return this.to == null ? Integer.MAX_VALUE : this.to;
	}

	public boolean contains(int age) {
		return age >= lowest() && age <= highest();
	}

	/** Whether some age of the band is in the range; never the unknown band. */
	boolean overlaps(AgeBand band) {
		return agesIn(band) > 0;
	}

	/** The ages both ranges hold: null when either is; a range of none (from after to) when they hold none. */
	AgeRange and(AgeRange other) {
		if (other == null) {
			return this;
		}
		// Integers apart: a conditional mixing one with Math.max's int unboxed a null end (two open ends failed)
		Integer from = this.from == null ? other.from : other.from == null ? this.from
				: Integer.valueOf(Math.max(this.from, other.from));
		Integer to = this.to == null ? other.to : other.to == null ? this.to
				: Integer.valueOf(Math.min(this.to, other.to));
		return new AgeRange(from, to);
	}

	/** Whether no age is in the range, as of two ranges that do not meet. */
	public boolean holdsNone() {
		return lowest() > highest();
	}

	/** How many ages of the range are in the bands named (all when null): ages above {@link #OLDEST} count as 5. */
	public int agesWithin(List<AgeBand> bands) {
		return count(age -> selects(this, bands, age));
	}

	/**
	 * How many ages a filter's range and bands ({@code range}, {@code bands}, either null for none) select that
	 * another's ({@code other}, {@code otherBands}) do not: ages above {@link #OLDEST} counted up to 5 more.
	 */
	public static int agesApart(AgeRange range, List<AgeBand> bands, AgeRange other, List<AgeBand> otherBands) {
		return count(age -> selects(range, bands, age) && !selects(other, otherBands, age));
	}

	/** Whether a filter's range and bands (either null for none) select a person of this known age. */
	static boolean selects(AgeRange range, List<AgeBand> bands, int age) {
		return (range == null || range.contains(age)) && (bands == null || bands.contains(bandOf(age)));
	}

	/**
	 * The ages of the range that a filter's range and bands select, ascending, those of an open end above
	 * {@link #OLDEST} taken as 5 more.
	 */
	int[] agesSelectedBy(ParticipationFilter filter) {
		return ages(age -> contains(age) && selects(filter.ages(), filter.ageBands(), age));
	}

	/** How many ages of the range are in the band, those of an open end above {@link #OLDEST} taken as 5 more. */
	private int agesIn(AgeBand band) {
		return count(age -> bandOf(age) == band && contains(age));
	}

	private static AgeBand bandOf(int age) {
		return AgeBand.ofBand(FactIndex.band(age));
	}

	/** How many ages of 0 to {@link #LAST_COUNTED} pass. */
	private static int count(IntPredicate selected) {
		return ages(selected).length;
	}

	/** The ages of 0 to {@link #LAST_COUNTED} that pass, ascending. */
	private static int[] ages(IntPredicate selected) {
		return IntStream.rangeClosed(0, LAST_COUNTED).filter(selected).toArray();
	}

	/**
	 * What is wrong with a filter's range, or null: bounds of 0 to {@link #OLDEST} in order, and when
	 * {@code suppressed}, at least {@link #FEWEST_SUPPRESSED} ages once the bands named beside it are taken.
	 */
	public static String problem(AgeRange range, List<AgeBand> bands, boolean suppressed) {
		if (range == null) {
			return null;
		}
		for (var bound : new Integer[] { range.from, range.to }) {
			if (bound != null && (bound < 0 || bound > OLDEST)) {
				return "An age is 0 to " + OLDEST + " years; " + bound + " is none";
			}
		}
		if (range.holdsNone()) {
			return "The range of ages ends at " + range.to + ", before it begins at " + range.from;
		}
		int ages = range.agesWithin(bands);
		var within = bands == null ? "" : " within the age bands named beside it";
		return !suppressed || ages >= FEWEST_SUPPRESSED ? null
				: "A range selects " + FEWEST_SUPPRESSED + " ages at least" + within + ", so that no answer counts"
						+ " people of one or two birth years; this one selects " + ages;
	}

	/**
	 * What is wrong with grouping a filter's range by age band for a caller whose answers are suppressed, or null:
	 * a band it meets in 1 to 4 ages (15 to 29 meets UNDER_18 in 15 to 17) would count those ages alone.
	 */
	static String bandsProblem(ParticipationFilter filter) {
		var range = filter.ages();
		if (range == null) {
			return null;
		}
		for (var band : AgeBand.values()) {
			// the band's ages the filter selects: a band it does not name, none
			var ages = ages(age -> bandOf(age) == band && selects(range, filter.ageBands(), age));
			if (ages.length > 0 && ages.length < FEWEST_SUPPRESSED) {
				int first = ages[0];
				return "A group of " + band + " would count " + (ages.length == 1 ? "the age " + first
						: "the ages " + first + " to " + ages[ages.length - 1])
						+ " of the range " + range.text() + " alone; groups shown to you span " + FEWEST_SUPPRESSED
						+ " ages at least: leave AGE_BAND out, or split a range that meets each band in "
						+ FEWEST_SUPPRESSED + " ages or none";
			}
		}
		return null;
	}

	/**
	 * What is wrong with splitting a share by age band for a caller whose answers are suppressed, or null: a band
	 * where the denominator's ages the numerator leaves out are 1 to 4 (20 and over of everyone: 18 and 19 in
	 * AGE_18_29), whose group would tell them as its whole less its people.
	 */
	public static String restProblem(ParticipationFilter numerator, ParticipationFilter denominator) {
		for (var band : AgeBand.values()) {
			int rest = restAges(numerator, denominator, age -> bandOf(age) == band);
			if (rest > 0 && rest < FEWEST_SUPPRESSED) {
				return "A group of " + band + " would tell, as its whole less its people, the denominator's people of "
						+ rest + (rest == 1 ? " age" : " ages") + " alone; groups shown to you span "
						+ FEWEST_SUPPRESSED + " ages at least: leave AGE_BAND out";
			}
		}
		return null;
	}

	/** How many of the group's ages the denominator selects and the numerator does not: a share's rest's there. */
	static int restAges(ParticipationFilter numerator, ParticipationFilter denominator, IntPredicate group) {
		return count(age -> group.test(age) && selects(denominator.ages(), denominator.ageBands(), age)
				&& !selects(numerator.ages(), numerator.ageBands(), age));
	}

	/** The range as people write it: 15 to 29, 60 and over, up to 17. */
	String text() {
		return this.from == null ? (this.to == null ? "of any known age" : "up to " + this.to)
				: this.to == null ? this.from + " and over" : this.from + " to " + this.to;
	}

	@Override
	public String toString() {
		return "{from: " + this.from + ", to: " + this.to + "}";
	}

}
