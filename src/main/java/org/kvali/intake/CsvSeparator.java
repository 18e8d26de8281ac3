package org.kvali.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.kvali.graphql.Text;

/**
 * The separator of a CSV file's header, read ahead and given back: of a line "sep=" before the header, as Excel reads
 * it, else of the first line that names every required column split at it (a comma, a semicolon or a tab outside
 * quotes, tried in that order), whatever titles or notes above it hold (a note with commas above a semicolon header
 * chose the comma). Where no line within the look-ahead does: the separator at which a line names the most required
 * columns, two or more (a header lacking one); else that of the first line that is no title (a comma for a header of
 * one column); else the first title's; else a comma.
 */
final class CsvSeparator {

	private static final int LOOK_AHEAD = 1 << 14;

	/** The separators tried, in order. */
	private static final char[] SEPARATORS = { ',', ';', '\t' };

	/** The separator at which a line named the most required columns, and how many (two or more). */
	private char most;

	private int named = 1;

	/** The separator of the first line that is no title. */
	private char first;

	/** The separator of the first line that has one. */
	private char title;

	private CsvSeparator() {
	}

	/** The separator of the file {@code reader} reads, which is set back to where it was. */
	static char of(BufferedReader reader) throws IOException {
		reader.mark(LOOK_AHEAD);
		var separators = new CsvSeparator();
		var line = new StringBuilder();
		boolean quoted = false;
		char decided = 0;
		for (int read = 0, c = reader.read(); c >= 0 && read < LOOK_AHEAD - 1 && decided == 0;
				c = reader.read(), read++) {
			if ((c == '\n' || c == '\r') && !quoted) {
				decided = separators.line(line.toString());
				line.setLength(0);
				continue;
			}
			line.append((char) c);
			quoted ^= c == '"';
		}
		// the last line, or what the look-ahead holds of it
		decided = decided != 0 ? decided : separators.line(line.toString());
		reader.reset();
		return decided != 0 ? decided : separators.most != 0 ? separators.most
				: separators.first != 0 ? separators.first : separators.title != 0 ? separators.title : ',';
	}

	/** The separator a line decides alone, 0 where it decides none: it then counts among the fallbacks. */
	private char line(String text) {
		if (Text.blank(text.replace("\"", ""))) {
			// as the parser skips it: nothing but spaces, tabs and quotes
			return 0;
		}
		char separator = separator(text);
		if (separator != 0 && text.regionMatches(true, 0, "sep=", 0, 4)) {
			return separator;
		}
		for (char candidate : SEPARATORS) {
			int names = Columns.requiredNamed(cells(text, candidate));
			if (names == Columns.REQUIRED.size()) {
				return candidate;
			}
			this.most = names > this.named ? candidate : this.most;
			this.named = Math.max(this.named, names);
		}
		if (this.first == 0 && (separator == 0 ? Columns.requiredNamed(List.of(Text.trim(text))) > 0
				: Columns.leading(cells(text, separator)) != Columns.Leading.TITLE)) {
			// no title: a title has no separator, or at most three cells naming no required column (nor surely
			// meaning two)
			this.first = separator == 0 ? ',' : separator;
		}
		this.title = this.title == 0 ? separator : this.title;
		return 0;
	}

	/** A line's separator: a comma unless it has none outside quotes and has semicolons, or else a tab; 0 for none. */
	private static char separator(String line) {
		int commas = 0;
		int semicolons = 0;
		int tabs = 0;
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			quoted ^= c == '"';
			commas += !quoted && c == ',' ? 1 : 0;
			semicolons += !quoted && c == ';' ? 1 : 0;
			tabs += !quoted && c == '\t' ? 1 : 0;
		}
		return commas > 0 ? ',' : semicolons > 0 ? ';' : tabs > 0 ? '\t' : 0;
	}

	/** The line's cells split at the separator outside quotes, trimmed, their quotes left out. */
	private static List<String> cells(String line, char separator) {
		var cells = new ArrayList<String>();
		boolean quoted = false;
		int from = 0;
		for (int i = 0; i <= line.length(); i++) {
			if (i == line.length() || !quoted && line.charAt(i) == separator) {
				cells.add(Text.trim(line.substring(from, i).replace("\"", "")));
				from = i + 1;
			}
			else {
				quoted ^= line.charAt(i) == '"';
			}
		}
		return cells;
	}

}
