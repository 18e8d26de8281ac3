package org.kvali.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows whose slashed dates wait for the sheet to tell how they are read ({@link SlashedDates}), held back in order,
 * of a few cells each, and staged once a date tells, or refused for their dates where none has: at the sheet's end,
 * or {@link #MOST} rows on, so that rows are not kept in memory by the ten thousand.
 */
final class HeldRows {

	/** The most rows held back: past them, those are refused as no date told how to read them. */
	static final int MOST = 10_000;

	/** Stages a row as checked, {@code flagged} naming the columns of its errors. */
	interface Stage {

		void stage(SheetRow row, AttendanceRow checked, List<String> flagged);

	}

	/** A row held back: as read, as checked, the columns of its errors, and its cells that wait. */
	private record Held(SheetRow row, AttendanceRow checked, List<String> flagged,
			List<SlashedDates.Waiting> waiting) {
	}

	/** Where a date waits for the sheet to tell: its first row and how many rows give it. */
	private record Undecided(int row, int rows) {
	}

	private final SlashedDates slashed;

	private final List<ImportMessage> errors;

	private final Stage stage;

	private final List<Held> held = new ArrayList<>();

	/** Whether rows held back added errors after later rows' since last asked ({@link #reordered}). */
	private boolean reordered;

	HeldRows(SlashedDates slashed, List<ImportMessage> errors, Stage stage) {
		this.slashed = slashed;
		this.errors = errors;
		this.stage = stage;
	}

	/**
	 * Holds a row whose cells wait, and lets the rows held go where the sheet told (this row's own later cell may have)
	 * or where they are as many as may be held.
	 */
	void hold(SheetRow row, AttendanceRow checked, List<String> flagged, List<SlashedDates.Waiting> waiting) {
		this.held.add(new Held(slim(row), checked, flagged, waiting));
		if (this.slashed.decided()) {
			// this row alone is in order
			release(0, this.held.size() == 1);
		}
		else if (this.held.size() >= MOST) {
			release(MOST, false);
		}
	}

	/** Lets the rows held go, read as a later row, not held itself, told how. */
	void told() {
		release(0, false);
	}

	/** Ends the sheet: the rows still held, their dates refused, as no date of the sheet told how to read them. */
	void end() {
		release(0, false);
	}

	/** Whether rows let go added errors after later rows' since last asked: sorted by row before any is let go. */
	boolean reordered() {
		boolean reordered = this.reordered;
		this.reordered = false;
		return reordered;
	}

	/**
	 * The rows held, read as the sheet told, or refused for their dates where it has not, {@code capped} at as many
	 * rows (0 where not); {@code inOrder} where no row was read after them.
	 */
	private void release(int capped, boolean inOrder) {
		if (this.held.isEmpty()) {
			return;
		}
		// each date refused once, at its first row, with how many give it: a sheet of one 5/3/2025 listed 10,000
		// errors and 90,000 more (a tester's)
		var undecided = new LinkedHashMap<SlashedDates.Waiting, Undecided>();
		for (var held : this.held) {
			var checked = dated(held, undecided);
			this.stage.stage(held.row(), checked, held.flagged());
		}
		// their errors come after those of the rows read meanwhile (a review's: one row held, told by a later one, lost
		// its errors past the 20,000 kept)
		this.reordered |= !inOrder;
		this.held.clear();
		undecided.forEach((cell, first) -> this.errors.add(new ImportMessage(first.row(), cell.column(), cell.text(),
				SlashedDates.undecided(cell, capped) + ImportMessage.inRows(first.rows()))));
	}

	/**
	 * The row with its waiting dates read as the sheet told ({@link SlashedDates#day}), or, where it has not, counted
	 * among the {@code undecided}.
	 */
	private AttendanceRow dated(Held held, Map<SlashedDates.Waiting, Undecided> undecided) {
		var start = held.checked().startDate();
		var end = held.checked().endDate();
		for (var cell : held.waiting()) {
			var day = this.slashed.day(cell);
			if (day == null) {
				undecided.merge(cell, new Undecided(held.row().row(), 1),
						(first, more) -> new Undecided(first.row(), first.rows() + 1));
				held.flagged().add(cell.column());
			}
			else if (cell.column().equals(Columns.START_DATE)) {
				start = day;
			}
			else {
				end = day;
			}
		}
		return held.checked().dated(start, end);
	}

	/**
	 * The row with the cells staging reads of it alone ({@link WrittenValues#COLUMNS}): held back whole, a sheet of
	 * 10,000 rows of a thousand columns held 10 million cells (a review's).
	 */
	private static SheetRow slim(SheetRow row) {
		var cells = new HashMap<String, String>();
		for (var column : WrittenValues.COLUMNS) {
			var cell = row.cells().get(column);
			if (cell != null) {
				cells.put(column, cell);
			}
		}
		return new SheetRow(row.row(), cells, false, false, 0, Set.of(), Map.of(), Set.of(), false);
	}

}
