package org.kvali.report;

import java.util.List;

/**
 * The schema's AgeRange: ages in whole years, taken as age bands take them (the activity's start year less the birth
 * year), from {@code from} to {@code to} inclusive, either open when null. No unknown age is in a range.
 */
public record AgeRange(Integer from, Integer to) {

	/** The oldest age a range may name. */
	public static final int OLDEST = 150;

	/** The fewest ages a caller whose answers are suppressed may select: no answer counts one or two birth years. */
	public static final int FEWEST_SUPPRESSED = 5;

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
		return switch (band) {
			case UNDER_18 -> lowest() < 18;
			case AGE_18_29 -> lowest() < 30 && highest() >= 18;
			case AGE_30_44 -> lowest() < 45 && highest() >= 30;
			case AGE_45_59 -> lowest() < 60 && highest() >= 45;
			case AGE_60_PLUS -> highest() >= 60;
			case UNKNOWN -> false;
		};
	}

	/** The ages both ranges hold: null when either is; a range of none (from after to) when they hold none. */
	AgeRange and(AgeRange other) {
		if (other == null) {
			return this;
		}
		return new AgeRange(this.from == null ? other.from : other.from == null ? this.from
				: Math.max(this.from, other.from), this.to == null ? other.to : other.to == null ? this.to
						: Math.min(this.to, other.to));
	}

	/** Whether no age is in the range, as of two ranges that do not meet. */
	public boolean isEmpty() {
		return lowest() > highest();
	}

	/**
	 * What is wrong with a filter's range, or null: bounds of 0 to {@link #OLDEST} in order, and when
	 * {@code suppressed}, at least {@link #FEWEST_SUPPRESSED} ages once the bands named beside it are taken.
	 */
	static String problem(AgeRange range, List<AgeBand> bands, boolean suppressed) {
		if (range == null) {
			return null;
		}
		for (var bound : new Integer[] { range.from, range.to }) {
			if (bound != null && (bound < 0 || bound > OLDEST)) {
				return "An age is 0 to " + OLDEST + " years; " + bound + " is none";
			}
		}
		if (range.isEmpty()) {
			return "The range ends at " + range.to + ", before it begins at " + range.from;
		}
		if (!suppressed) {
			return null;
		}
		int ages = 0;
		for (int age = range.lowest(); age <= Math.min(range.highest(), OLDEST); age++) {
			if (bands == null || bands.contains(AgeBand.ofBand(FactIndex.band(age)))) {
				ages++;
			}
		}
		return ages >= FEWEST_SUPPRESSED ? null
				: "A range selects " + FEWEST_SUPPRESSED + " ages at least" + (bands == null ? "" : " within the age bands"
						+ " named beside it") + ", so that no answer counts people of one or two birth years; this one"
						+ " selects " + ages;
	}

}
