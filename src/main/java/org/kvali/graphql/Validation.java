package org.kvali.graphql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Collects the problems of an input, so that a client learns of all of them at once. */
public final class Validation {

	private final List<FieldProblem> problems = new ArrayList<>();

	public Validation code(String argument, String value) {
		if (!CodeRule.isCode(value)) {
			problem(argument, value, CodeRule.codeRule(value));
		}
		return this;
	}

	/**
	 * Text of at most {@code max} characters, without control characters but line breaks and tabs (a description, a
	 * comment); required when {@code required}.
	 */
	public Validation text(String argument, String value, boolean required, int max) {
		return text(argument, value, required, max, true, "Holds control characters");
	}

	/**
	 * One line of at most {@code max} characters (a name, a title): without control characters, line breaks and tabs
	 * included, which sheets refuse in the same fields and which would break a label or a row of an export.
	 */
	public Validation line(String argument, String value, boolean required, int max) {
		return text(argument, value, required, max, false,
				"Holds control characters (such as line breaks or tabs); this is one line");
	}

	/**
	 * One line that an update may leave out, keeping the stored one, but not clear: a name or a title (see {@link
	 * ExplicitNulls#refuse}).
	 */
	public Validation lineToKeep(String argument, String value, int max) {
		if (value != null && Text.blank(value)) {
			return problem(argument, value, "May not be blank; leave it out to keep it as it is");
		}
		return line(argument, value, false, max);
	}

	private Validation text(String argument, String value, boolean required, int max, boolean linesAllowed,
			String refusal) {
		int noCharacter = value == null ? -1 : Glyphs.nonCharacter(value);
		if (value == null || Text.blank(value)) {
			if (required) {
				problem(argument, value, "Required; may not be blank");
			}
			else if (value != null) {
				problem(argument, value, "May not be blank; give null for none");
			}
		}
		else if (Text.length(value) > max) {
			problem(argument, Text.preview(value, 40), "At most " + max + " characters; this is " + Text.length(value));
		}
		else if (Text.holdsControl(value, linesAllowed)) {
			problem(argument, value, refusal);
		}
		else if (noCharacter >= 0) {
			problem(argument, value, noCharacter(noCharacter));
		}
		else if (linesAllowed ? Text.overrides(value) : Text.turnsAround(value)) {
			// "rtl\u202egnp.exe" reads as rtlexe.png: an embedding or override turns what follows around
			problem(argument, value, "Holds a character that turns the text after it around (U+202A to U+202E);"
					+ " write it without");
		}
		else if (!linesAllowed && !Text.trim(value).equals(value)) {
			// stored so, "  Black box programme  " stood padded in lists and the IATI file
			problem(argument, value, "Begins or ends with a space or an invisible character; write it without");
		}
		return this;
	}

	/** What a value holding a noncharacter is told, in a GraphQL argument and in a sheet's cell alike. */
	public static String noCharacter(int c) {
		return "Holds " + Glyphs.named(c) + ", a code that is no character (text damaged in a copy or"
				+ " a conversion); write it without";
	}

	public Validation dates(String endArgument, LocalDate start, LocalDate end) {
		if (start != null && end != null && end.isBefore(start)) {
			problem(endArgument, end, "Ends before it starts (" + start + ")");
		}
		return this;
	}

	/** A month's number, 1 (January) to 12 (December), when given. */
	public Validation month(String argument, Integer month) {
		if (month != null && (month < 1 || month > 12)) {
			problem(argument, month, "A month is 1 (January) to 12 (December)");
		}
		return this;
	}

	/**
	 * New dates of something stored, each null when unchanged ({@code input.startDate}, {@code input.endDate}): the
	 * problem is named after the date that was given, so a start moved past the stored end names the start.
	 */
	public Validation changedDates(LocalDate start, LocalDate end, LocalDate storedStart, LocalDate storedEnd) {
		if (start != null && end == null && storedEnd != null && start.isAfter(storedEnd)) {
			return problem("input.startDate", start, "Starts after it ends (" + storedEnd + ")");
		}
		return dates("input.endDate", start != null ? start : storedStart, end != null ? end : storedEnd);
	}

	/** Each of {@code codes} that is not among {@code known} is a problem of {@code argument}. */
	public Validation known(String argument, String what, Collection<String> codes, Collection<String> known) {
		return known(argument, what, codes, known, code -> Optional.empty());
	}

	/**
	 * As {@link #known(String, String, Collection, Collection)}, naming the code meant ({@link #meant}): of one
	 * written in another case, or of a place so named ({@code inAnotherCase} looks it up, for the unknown codes
	 * alone, and without the spaces around it: " Marneuli " was told to write 'Marneuli', then refused again): codes
	 * are one in any case.
	 */
	public Validation known(String argument, String what, Collection<String> codes, Collection<String> known,
			Function<String, Optional<String>> inAnotherCase) {
		return known(argument, what, codes, known, inAnotherCase, code -> Optional.empty());
	}

	/**
	 * As {@link #known(String, String, Collection, Collection, Function)}, where a code meant by none ({@code
	 * inAnotherCase} finds none) may be told what it is instead ({@code otherwise}, a clause beginning "; "): the
	 * organization it was merged into, the region a municipality was given as. An admin naming an organization by
	 * a code merged into another was told only that none had it (a tester's).
	 */
	public Validation known(String argument, String what, Collection<String> codes, Collection<String> known,
			Function<String, Optional<String>> inAnotherCase, Function<String, Optional<String>> otherwise) {
		if (codes != null) {
			for (var code : codes) {
				if (!known.contains(code)) {
					problem(argument, code, "No " + what + " has the code '" + Text.preview(code, 40) + "'"
							+ told(what, code, inAnotherCase, otherwise).orElseGet(() -> unseen(code)));
				}
			}
		}
		return this;
	}

	/**
	 * What is told of a code no {@code what} has: the code meant ({@link #meant}, {@code inAnotherCase} looks it up),
	 * else what it is instead ({@code otherwise}, given the code without spaces around it); empty where neither is.
	 */
	public static Optional<String> told(String what, String code, Function<String, Optional<String>> inAnotherCase,
			Function<String, Optional<String>> otherwise) {
		return inAnotherCase.apply(code)
			.map(stored -> meant(what, code, stored))
			.or(() -> otherwise.apply(Text.trim(code)));
	}

	/**
	 * What is told of a code no {@code what} has, where the one of code {@code stored} is meant, always a clause
	 * beginning "; ": how its code is written, where it was written in another case; that it has that code, where it
	 * was named ("Marneuli Municipality" for GE-KK-MARNEULI, which was told "it is written GE-KK-MARNEULI"); the
	 * spaces or invisible characters around it, where they alone tell it from {@code stored}.
	 */
	public static String meant(String what, String written, String stored) {
		var trimmed = Text.trim(written);
		if (stored.equals(trimmed)) {
			return "; it has spaces or invisible characters around it: write '" + Text.preview(trimmed, 40) + "'";
		}
		// "GE KK" is the code with a space for a hyphen, not a name (a tester's), told the dash that looks like one
		// ("it is written GE-KK" of GE\u2013KK read the same); a name, or a settlement's of its municipality
		// ("Gudauri" is no municipality's name: a tester's), is told what it names
		return lettersAndDigits(stored).equalsIgnoreCase(lettersAndDigits(trimmed))
				? "; it is written " + stored + Glyphs.note(trimmed, "value")
				: "; the " + what + " it names has the code " + stored;
	}

	private static String lettersAndDigits(String code) {
		return code.codePoints().filter(Character::isLetterOrDigit)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

	/**
	 * What makes a code that looks right another: an invisible character or a Cyrillic look-alike in it ("GЕ-KK" was
	 * told as no region, nothing more). Spaces around it are told only where the code without them is one
	 * ({@link #meant}): "Springfield " was told to write 'Springfield', which named nothing either (a tester's).
	 */
	public static String unseen(String code) {
		return Glyphs.note(code, "value");
	}

	public Validation problem(String argument, Object value, String message) {
		this.problems.add(new FieldProblem(argument, value, message));
		return this;
	}

	/** Whether a problem with the argument was found already. */
	public boolean refused(String argument) {
		return this.problems.stream().anyMatch(problem -> problem.argument().equals(argument));
	}

	/** Whether any problem was found already. */
	public boolean refusedAny() {
		return !this.problems.isEmpty();
	}

	/** Throws a {@link ValidationException} with every problem found, if any. */
	public void check() {
		if (!this.problems.isEmpty()) {
			throw new ValidationException(this.problems);
		}
	}

}
