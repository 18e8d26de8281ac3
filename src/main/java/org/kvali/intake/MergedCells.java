package org.kvali.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

import org.kvali.graphql.Text;

import org.springframework.http.HttpStatus;

/**
 * The cells of a worksheet merged down over several data rows: a spreadsheet shows the first cell's value in every row
 * they span, and saves it in the first alone. fastexcel-reader does not tell them, so they are read from the sheet's
 * part ({@code <mergeCell ref="K2:K6"/>}, after the rows) before the rows are streamed, and the first cell's value is
 * read in each row below it (in a range over several columns, in its first column, where the value is). Read as
 * saved, a disability or home municipality merged over five people was stored for the first and as unknown for the
 * other four, and an activity code merged so refused as missing.
 */
final class MergedCells {

	private static final Pattern MERGE = Pattern
		.compile("<(?:\\w+:)?mergeCell\\b[^>]*?\\bref\\s*=\\s*\"([A-Z]{1,3})(\\d{1,7}):([A-Z]{1,3})(\\d{1,7})\"");

	private static final Pattern RELATION = Pattern.compile("<(?:\\w+:)?Relationship\\b[^>]*>");

	private static final Pattern ATTRIBUTE = Pattern.compile("\\b(\\w+)\\s*=\\s*\"([^\"]*)\"");

	/** Enough of the text before a chunk to hold any one mergeCell element cut by the chunk's start. */
	private static final int OVERLAP = 512;

	/** A range merged down: its column (0 for A) and its first and last rows, as the sheet numbers them. */
	record Range(int column, int firstRow, int lastRow) {
	}

	/** The ranges not yet reached, by their first row. */
	private final List<Range> ahead;

	private int next;

	/** The range each column is in at the row read last, with its first cell's value. */
	private final Map<Integer, Range> open = new HashMap<>();

	private final Map<Range, String> values = new HashMap<>();

	private MergedCells(List<Range> ranges) {
		this.ahead = new ArrayList<>(ranges);
		this.ahead.sort(Comparator.comparingInt(Range::firstRow));
	}

	/**
	 * The header was read from {@code row}: a range starting there, or above it, is a title's, whose text is no value
	 * of the rows below.
	 */
	void headerAt(int row) {
		while (this.next < this.ahead.size() && this.ahead.get(this.next).firstRow() <= row) {
			this.next++;
		}
	}

	/** The text a cell is read as: its own, or, below the first cell of a merged range, that cell's. */
	String cell(int row, int column, String text) {
		while (this.next < this.ahead.size() && this.ahead.get(this.next).firstRow() <= row) {
			var range = this.ahead.get(this.next++);
			var before = this.open.put(range.column(), range);
			if (before != null && before.lastRow() >= range.firstRow()) {
				// Excel calls such a workbook damaged; read on, the second range's empty first cell wiped the first's
				throw new SheetException(HttpStatus.BAD_REQUEST, "Merged cells overlap in column "
						+ letters(range.column()) + " (rows " + before.firstRow() + " to " + before.lastRow() + " and "
						+ range.firstRow() + " to " + range.lastRow()
						+ "): the workbook is damaged; unmerge them and write each row's value");
			}
			if (before != null) {
				this.values.remove(before);
			}
		}
		var range = this.open.get(column);
		if (range == null || range.lastRow() < row) {
			if (range != null) {
				this.values.remove(this.open.remove(column));
			}
			return text;
		}
		if (range.firstRow() == row) {
			this.values.put(range, text);
			return text;
		}
		return Text.blank(text) ? this.values.getOrDefault(range, text) : text;
	}

	/**
	 * The ranges of the sheet whose relationship id ({@code r:id} in the workbook's part) is {@code id} that span
	 * more than one row, at most {@code maxRanges} (twice the rows a sheet may have): a small zip could otherwise hold
	 * millions of them, each kept here.
	 */
	static MergedCells of(byte[] body, String id, int maxRanges) throws IOException {
		var relations = XlsxSheetReader.part(body, "xl/_rels/workbook.xml.rels");
		if (relations == null) {
			return new MergedCells(List.of());
		}
		for (var relation = RELATION.matcher(relations); relation.find();) {
			var attributes = ATTRIBUTE.matcher(relation.group()).results()
				.collect(Collectors.toMap(attribute -> attribute.group(1), attribute -> attribute.group(2),
						(first, second) -> first));
			var path = attributes.get("Target");
			if (id.equals(attributes.get("Id")) && path != null) {
				var name = path.startsWith("/") ? path.substring(1) : "xl/" + path;
				return new MergedCells(ranges(body, name, maxRanges));
			}
		}
		return new MergedCells(List.of());
	}

	private static List<Range> ranges(byte[] body, String name, int maxRanges) throws IOException {
		Set<Range> found = new LinkedHashSet<>();
		try (var zip = new ZipArchiveInputStream(new ByteArrayInputStream(body), "UTF-8", true, true)) {
			for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (!entry.getName().equals(name)) {
					continue;
				}
				// scanned in chunks, each with the end of the one before: a sheet's part may be tens of megabytes
				var buffer = new byte[64 * 1024];
				String carried = "";
				for (int read = zip.read(buffer); read >= 0; read = zip.read(buffer)) {
					var text = carried + new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
					var merge = MERGE.matcher(text);
					while (merge.find()) {
						int column = column(merge.group(1));
						int first = Integer.parseInt(merge.group(2));
						int last = Integer.parseInt(merge.group(4));
						if (last > first && found.add(new Range(column, first, last)) && found.size() > maxRanges) {
							throw new SheetException(HttpStatus.PAYLOAD_TOO_LARGE, "The sheet merges more than "
									+ maxRanges + " ranges of cells; a sheet of attendance merges few, if any");
						}
					}
					carried = text.substring(Math.max(0, text.length() - OVERLAP));
				}
			}
		}
		return new ArrayList<>(found);
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
