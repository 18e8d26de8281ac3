package org.kvali.intake;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a sheet writes the values it was read into: a Georgian sheet's ქალი is stored as FEMALE, its "Marneuli
 * Municipality" as GE-KK-MARNEULI, and a message about a row repeats the value as the sheet has it, so that it can be
 * found there. A value the sheet writes in more than one way is repeated as read.
 */
final class WrittenValues {

	/** The columns whose values are read into a word or code of Kvali's own. */
	static final Set<String> COLUMNS = Set.of(Columns.GENDER, Columns.ACTIVITY_KIND, Columns.ORGANIZATION_KIND,
			Columns.ROLE, Columns.VENUE_MUNICIPALITY, Columns.HOME_MUNICIPALITY, Columns.ORGANIZATION_MUNICIPALITY,
			Columns.DISABILITY, Columns.START_DATE, Columns.END_DATE);

	/** The most cells remembered in a column: most have a few, municipalities 71 and their forms, dates one a day. */
	private static final int MOST = 500;

	/** Written as, by column and value read; "" where the sheet writes it in several ways. */
	private final Map<String, String> written = new HashMap<>();

	/** The cells seen, by column: most repeat on row after row, and are looked at once. */
	private final Map<String, Set<String>> seen = new HashMap<>();

	/** Columns of more different cells than are remembered: their values are repeated as read. */
	private final Set<String> untold = new HashSet<>();

	/** Remembers that the cell {@code raw} of a tracked column was read as {@code read}. */
	void read(String column, Object read, String raw) {
		if (read == null || raw == null || !COLUMNS.contains(column)) {
			return;
		}
		var cells = this.seen.computeIfAbsent(column, name -> new HashSet<>());
		if (cells.contains(raw) || this.untold.contains(column)) {
			return;
		}
		if (cells.size() >= MOST) {
			this.untold.add(column);
			return;
		}
		cells.add(raw);
		var value = read.toString();
		var key = key(column, value);
		var earlier = this.written.get(key);
		if (earlier == null) {
			this.written.put(key, raw);
		}
		else if (!earlier.equals(raw)) {
			this.written.put(key, "");
		}
	}

	/** The value as the sheet writes it, where it writes it one way; else as given. */
	String shown(String column, String value) {
		if (value == null) {
			return null;
		}
		var raw = this.untold.contains(column) ? null : this.written.get(key(column, value));
		return raw == null || raw.isEmpty() ? value : raw;
	}

	/**
	 * The value, and as the sheet writes it where that differs, to be told beside a stored one in Kvali's words:
	 * "GE-KK-BOLNISI (ბოლნისის მუნიციპალიტეტი)".
	 */
	String besideStored(String column, String value) {
		var raw = value == null || this.untold.contains(column) ? null : this.written.get(key(column, value));
		return raw == null || raw.isEmpty() || raw.equalsIgnoreCase(value) ? value : value + " (" + raw + ")";
	}

	private static String key(String column, String value) {
		return column + '\u0000' + value.toUpperCase(Locale.ROOT);
	}

}
