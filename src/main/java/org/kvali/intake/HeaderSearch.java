package org.kvali.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * The search for a sheet's header among its first rows with something in them, the same for a CSV file and a
 * workbook: the first row naming every required column after titles alone ({@link Columns#leading}) is the header,
 * the titles above it told to the sink and not read. Where another row ends the search, or the sheet ends first, the
 * row {@link Columns#headerAmong} gives is read as the header, to be refused for what it lacks, and the rows after it
 * as its rows, so that no row is passed over unread.
 *
 * @param <R> a row as its reader reads it
 */
final class HeaderSearch<R> {

	/** What the reader does with its rows. */
	interface Rows<R> {

		/** The names written in the row, trimmed. */
		List<String> names(R row);

		/** The row's number as the sheet shows it. */
		int number(R row);

		/** Gives the sink the row as the header; returns the columns its rows' cells go under. */
		List<String> header(R row);

		/** Gives the sink a row under the header {@code header}. */
		void row(R row, List<String> header);

	}

	private final Rows<R> rows;

	private final SheetSink sink;

	/** The rows before the header, while it is looked for. */
	private final List<R> above = new ArrayList<>();

	private List<String> header;

	HeaderSearch(Rows<R> rows, SheetSink sink) {
		this.rows = rows;
		this.sink = sink;
	}

	/** Whether the header is still looked for. */
	boolean looking() {
		return this.header == null;
	}

	/** Whether the header is still looked for, and no row with something in it has been read. */
	boolean nothingRead() {
		return this.header == null && this.above.isEmpty();
	}

	/** A row with something in it: before the header, held or taken as it; after it, given to the sink. */
	void next(R row) {
		if (this.header != null) {
			this.rows.row(row, this.header);
			return;
		}
		var leading = Columns.leading(this.rows.names(row));
		if (leading == Columns.Leading.HEADER) {
			if (!this.above.isEmpty()) {
				this.sink.above(this.rows.number(this.above.get(0)), this.rows.number(row));
			}
			this.header = this.rows.header(row);
			this.above.clear();
			return;
		}
		this.above.add(row);
		if (leading == Columns.Leading.OTHER || this.above.size() == Columns.ROWS_TO_HEADER) {
			fallback();
		}
	}

	/** At the sheet's end: whether it had a header, read from the rows held where none was found. */
	boolean end() {
		if (this.header == null && !this.above.isEmpty()) {
			fallback();
		}
		return this.header != null;
	}

	/** No header after titles alone: a row is read as the header, and those after it as its rows. */
	private void fallback() {
		int at = Columns.headerAmong(this.above.stream().map(this.rows::names).toList());
		this.header = this.rows.header(this.above.get(at));
		for (var later : this.above.subList(at + 1, this.above.size())) {
			this.rows.row(later, this.header);
		}
		this.above.clear();
	}

}
