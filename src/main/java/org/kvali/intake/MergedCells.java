package org.kvali.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;


import org.springframework.http.HttpStatus;

/**
 * The merged cells of a worksheet: a spreadsheet shows the first (top left) cell's value over the whole range and
 * hides what the others hold. fastexcel-reader does not tell them, so they are read from the sheet's part
 * ({@code <mergeCell ref="K2:K6"/>}, after the rows) before the rows are streamed; in a range, the first column reads
 * the first cell's value in every row, and the other columns read as empty. Read as saved, a disability or home
 * municipality merged over five people was stored for the first and as unknown for the other four, an activity code
 * merged so refused as missing, and a code a covered cell still held (as a program merging "keeping the contents"
 * leaves it) made an activity the spreadsheet did not show. The rows the sheet hides are read in the same pass.
 */
final class MergedCells {

	/** The elements whose tags are read: each row's, each merged range's, and the columns'. */
	private static final Set<String> ELEMENTS = Set.of("row", "mergeCell", "col");

	/** In a mergeCell's tag, its range. */
	private static final Pattern MERGE = Pattern
		.compile("\\bref\\s*=\\s*\"([A-Z]{1,3})(\\d{1,7}):([A-Z]{1,3})(\\d{1,7})\"");

	/** In a row's tag: the sheet hides the row ({@code hidden="1"}), by a filter or by Hide, or shows it 0 high. */
	private static final Pattern HIDDEN = Pattern
		.compile("\\b(?:hidden\\s*=\\s*\"(?:1|true)\"|ht\\s*=\\s*\"0(?:\\.0*)?\")");

	/** In a col's tag: the sheet hides its columns ({@code <col min="10" max="10" hidden="1"/>}, from 1). */
	private static final Pattern HIDDEN_COLUMN = Pattern.compile("\\bhidden\\s*=\\s*\"(?:1|true)\"");

	/**
	 * A col's first and last columns, each found alone, in either order: one pattern of both, min before max, was
	 * tried from each min of a tag and read on to its end, and a tag of 200 KB of them took 20 s, growing with its
	 * square (a review's); and the columns of {@code <col max="3" min="2" hidden="1"/>} were not seen hidden.
	 */
	private static final Pattern COLUMN_MIN = Pattern.compile("\\bmin\\s*=\\s*\"(\\d{1,5})\"");

	private static final Pattern COLUMN_MAX = Pattern.compile("\\bmax\\s*=\\s*\"(\\d{1,5})\"");

	/** A spreadsheet's last column, numbered from 1. */
	private static final int LAST_COLUMN = 16_384;

	/** A spreadsheet's last row. */
	private static final int LAST_ROW = 1_048_576;

	private static final Pattern ROW_NUMBER = Pattern.compile("\\br\\s*=\\s*\"(\\d{1,7})\"");

	/** A merged range: its first and last columns (0 for A) and rows, as the sheet numbers them. */
	record Range(int firstColumn, int lastColumn, int firstRow, int lastRow) {
	}

	/** The ranges not yet reached, by their first row. */
	private final List<Range> ahead;

	private int next;

	/** The ranges reached, by their first column; those that still cover a row cover no column in common. */
	private final TreeMap<Integer, Range> reached = new TreeMap<>();

	/** The first cell's value of each range reached whose first cell was read. */
	private final Map<Range, String> values = new HashMap<>();

	/** The rows the sheet hides, as it numbers them. */
	private final BitSet hidden;

	/** Each row's number, in the order of the rows' elements ({@link #number}); as many as were counted. */
	private final int[] numbers;

	private final int counted;

	/** The columns the sheet hides, from 0 for A. */
	private final BitSet hiddenColumns;

	private MergedCells(List<Range> ranges, BitSet hidden, BitSet hiddenColumns, int[] numbers, int counted) {
		this.hidden = hidden;
		this.numbers = numbers;
		this.counted = counted;
		this.hiddenColumns = hiddenColumns;
		this.ahead = new ArrayList<>(ranges);
		this.ahead.sort(Comparator.comparingInt(Range::firstRow));
	}

	/**
	 * The names of the header, read from {@code row}, as the spreadsheet shows them: a cell a range covers, but for its
	 * first, names no column (a name merged over the next column's had named it still). A range starting there, or
	 * above it, holds a title's or a column's name, no value of the rows below, which read as empty where it covers
	 * them.
	 */
	List<String> header(int row, List<String> names) {
		reach(row);
		var shown = new ArrayList<>(names);
		for (int column = 0; column < shown.size(); column++) {
			var range = covering(row, column);
			if (range != null && !(range.firstRow() == row && range.firstColumn() == column)) {
				shown.set(column, "");
			}
		}
		return shown;
	}

	/** The text a cell is read as: its own, or in a merged range, what the spreadsheet shows there. */
	String cell(int row, int column, String text) {
		reach(row);
		var range = covering(row, column);
		if (range == null) {
			return text;
		}
		if (range.firstRow() == row && range.firstColumn() == column) {
			this.values.put(range, text);
			return text;
		}
		return range.firstColumn() == column ? this.values.getOrDefault(range, "") : "";
	}

	/** The range reached that covers the cell, or null: those reached share no column, so the nearest on its left. */
	private Range covering(int row, int column) {
		var entry = this.reached.floorEntry(column);
		var range = entry == null ? null : entry.getValue();
		return range != null && range.lastColumn() >= column && range.lastRow() >= row ? range : null;
	}

	/** Takes in the ranges that start by {@code row}, putting aside those they follow in their columns. */
	private void reach(int row) {
		while (this.next < this.ahead.size() && this.ahead.get(this.next).firstRow() <= row) {
			var range = this.ahead.get(this.next++);
			// those reached are apart: the nearest on the left of its last column, then the next such, share columns
			// with it until one ends left of its first
			for (var before = this.reached.floorEntry(range.lastColumn()); before != null
					&& before.getValue().lastColumn() >= range.firstColumn(); before = this.reached
						.floorEntry(range.lastColumn())) {
				var earlier = before.getValue();
				if (earlier.lastRow() >= range.firstRow()) {
					// Excel calls such a workbook damaged; read on, the second range's empty first cell wiped the first's
					throw new SheetException(HttpStatus.BAD_REQUEST, "Merged cells overlap in column "
							+ letters(Math.max(earlier.firstColumn(), range.firstColumn())) + " (rows "
							+ earlier.firstRow() + " to " + earlier.lastRow() + " and " + range.firstRow() + " to "
							+ range.lastRow() + "): the workbook is damaged; unmerge them and write each row's value");
				}
				this.reached.remove(before.getKey());
				this.values.remove(earlier);
			}
			this.reached.put(range.firstColumn(), range);
		}
	}

	/**
	 * The ranges of the sheet whose part is {@code part} ({@link WorkbookParts#sheets}; none where that is null), at
	 * most {@code maxRanges} (twice the rows a sheet may have): a small zip could otherwise hold millions of them, each
	 * kept here.
	 */
	static MergedCells of(byte[] body, String part, int maxRanges) throws IOException {
		return part == null ? new MergedCells(List.of(), new BitSet(), new BitSet(), new int[0], 0)
				: scan(body, part, maxRanges);
	}

	/** The sheet's ranges and hidden rows, read from its part in one pass. */
	private static MergedCells scan(byte[] body, String name, int maxRanges) throws IOException {
		Set<Range> found = new LinkedHashSet<>();
		// a bit a row, up to a spreadsheet's last: a set of millions of numbers would fill the heap from a small zip
		var hidden = new BitSet();
		var hiddenColumns = new BitSet();
		var numbered = new RowNumbers();
		ZipGuard.part(body, name, in -> {
			// a sheet's part may be hundreds of megabytes, of cells mostly: only these elements' tags are read
			XmlStartTags.scan(in, ELEMENTS, (element, tag) -> {
				switch (element) {
					case "row" -> {
						int number = numbered.add(tag);
						if (number > 0 && number <= LAST_ROW && HIDDEN.matcher(tag).find()) {
							hidden.set(number);
						}
					}
					case "mergeCell" -> merged(tag, found, maxRanges);
					default -> hiddenColumns(tag, hiddenColumns);
				}
			});
			return null;
		});
		return new MergedCells(new ArrayList<>(found), hidden, hiddenColumns, numbered.numbers, numbered.count);
	}

	/** Adds the range a mergeCell's tag gives, if it merges cells; at most {@code maxRanges}. */
	private static void merged(String tag, Set<Range> found, int maxRanges) {
		var merge = MERGE.matcher(tag);
		if (!merge.find()) {
			return;
		}
		int[] columns = { column(merge.group(1)), column(merge.group(3)) };
		int[] rows = { Integer.parseInt(merge.group(2)), Integer.parseInt(merge.group(4)) };
		// corners given the other way round span the same cells
		var range = new Range(Math.min(columns[0], columns[1]), Math.max(columns[0], columns[1]),
				Math.min(rows[0], rows[1]), Math.max(rows[0], rows[1]));
		boolean merges = range.lastRow() > range.firstRow() || range.lastColumn() > range.firstColumn();
		if (merges && found.add(range) && found.size() > maxRanges) {
			throw new SheetException(HttpStatus.PAYLOAD_TOO_LARGE, "The sheet merges more than " + maxRanges
					+ " ranges of cells; a sheet of attendance merges few, if any");
		}
	}

	/** Adds the columns a col's tag hides. */
	private static void hiddenColumns(String tag, BitSet hiddenColumns) {
		if (HIDDEN_COLUMN.matcher(tag).find()) {
			var first = COLUMN_MIN.matcher(tag);
			var last = COLUMN_MAX.matcher(tag);
			if (first.find() && last.find()) {
				int min = Integer.parseInt(first.group(1));
				int max = Math.min(Integer.parseInt(last.group(1)), LAST_COLUMN);
				if (min >= 1 && min <= max) {
					hiddenColumns.set(min - 1, max);
				}
			}
		}
	}

	/**
	 * The rows' numbers in the order of their elements: the number a row's element gives, or, without one, the one
	 * after the row before's, as spreadsheet programs read it.
	 */
	private static final class RowNumbers {

		private int[] numbers = new int[1024];

		private int count;

		/** The number of the last row's element counted. */
		private int last;

		/** Counts the row whose tag is {@code tag}; returns its number. */
		int add(String tag) {
			var given = ROW_NUMBER.matcher(tag);
			int number = given.find() ? Integer.parseInt(given.group(1)) : this.last + 1;
			this.last = number;
			// no more than a spreadsheet's rows: a small zip can hold millions of empty rows' elements
			if (this.count < LAST_ROW) {
				if (this.count == this.numbers.length) {
					this.numbers = Arrays.copyOf(this.numbers, 2 * this.count);
				}
				this.numbers[this.count++] = number;
			}
			return number;
		}

	}

	/**
	 * The number of the row whose element is the {@code position}th of the sheet (from 0), where the reader gave it
	 * {@code read}: the number it is given, or, without one, the one after the row before's. The reader numbers a row
	 * without a number by its place, which after a row of a higher number repeated or skipped back one.
	 */
	int number(int position, int read) {
		return position < this.counted ? this.numbers[position] : read;
	}

	/** Whether the sheet hides the column, from 0 for A. */
	boolean hiddenColumn(int column) {
		return this.hiddenColumns.get(column);
	}

	/** Whether the sheet hides the row (a filter's or Hide's): the spreadsheet does not show it. */
	boolean hidden(int row) {
		return row >= 0 && this.hidden.get(row);
	}

	/** The column's number, 0 for A. */
	private static int column(String letters) {
		int column = 0;
		for (int i = 0; i < letters.length(); i++) {
			column = column * 26 + (letters.charAt(i) - 'A' + 1);
		}
		return column - 1;
	}

	/** The column's letters, A for 0. */
	private static String letters(int column) {
		var letters = new StringBuilder();
		for (int n = column + 1; n > 0; n = (n - 1) / 26) {
			letters.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return letters.toString();
	}

}
