package org.kvali.intake;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

import org.springframework.http.HttpStatus;

/**
 * Counts the characters of each CSV record as they reach the parser, which holds a record whole: one line of 50 MB of
 * "a,a,a" was 25 million values, and ran the service out of memory (a review's). Records are told apart as RFC 4180
 * has them, as the parser reads them: a quote opens a field at its start alone, and a line break within quotes is the
 * field's.
 */
final class RecordBounds extends FilterReader {

	/** The most characters of one record but for long cells: an attendance sheet's row of 16 of 500 holds 8,000. */
	static final int MAX_CHARACTERS = 1 << 18;

	/** Where the character read last left the record: at a field's start, in one, quoted, or just after a quote. */
	private static final int FIELD_START = 0;

	private static final int PLAIN = 1;

	private static final int QUOTED = 2;

	private static final int QUOTE_SEEN = 3;

	private final char separator;

	private final int most;

	private int state = FIELD_START;

	/** Whether the character read last was a carriage return, which a line feed after it ends with it. */
	private boolean afterReturn;

	/** Characters read, and where the record being read began among them. */
	private long read;

	private long recordStart;

	private long line = 1;

	private long recordLine = 1;

	/** Bounds the records to {@code most} characters ({@link #most}). */
	RecordBounds(Reader in, char separator, int most) {
		super(in);
		this.separator = separator;
		this.most = most;
	}

	/** The most characters of a record whose cells hold at most this many: {@link #MAX_CHARACTERS}, or 32 cells. */
	static int most(int maxCellLength) {
		return (int) Math.min(Integer.MAX_VALUE, Math.max(MAX_CHARACTERS, 32L * maxCellLength));
	}

	@Override
	public int read() throws IOException {
		int c = super.read();
		if (c >= 0) {
			take(new char[] { (char) c }, 0, 1);
		}
		return c;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		int read = super.read(buffer, offset, length);
		if (read > 0) {
			take(buffer, offset, offset + read);
		}
		return read;
	}

	@Override
	public long skip(long n) throws IOException {
		// what the parser skips it does not hold, and it skips nothing: read, so that records stay counted
		long skipped = 0;
		while (skipped < n && read() >= 0) {
			skipped++;
		}
		return skipped;
	}

	/**
	 * Follows the records through the characters read, and refuses a record longer than the most once a piece read
	 * ends within it (by up to a piece more: counted a character at a time, the bound took 85 ms of each 34 MB read).
	 */
	private void take(char[] buffer, int from, int to) {
		int state = this.state;
		boolean afterReturn = this.afterReturn;
		for (int i = from; i < to; i++) {
			char c = buffer[i];
			// lines as the parser counts them: CR LF, LF or CR alone (a Mac's CSV)
			if (c == '\r' || c == '\n' && !afterReturn) {
				this.line++;
			}
			afterReturn = c == '\r';
			if (state == QUOTED) {
				state = c == '"' ? QUOTE_SEEN : QUOTED;
			}
			else if (c == '\n' || c == '\r') {
				state = FIELD_START;
				this.recordStart = this.read + i - from + 1;
				this.recordLine = this.line;
			}
			else if (c == this.separator) {
				state = FIELD_START;
			}
			else if (c == '"' && state != PLAIN) {
				// a field's opening quote, or a quote within a quoted one, written twice
				state = QUOTED;
			}
			else {
				state = PLAIN;
			}
		}
		this.state = state;
		this.afterReturn = afterReturn;
		this.read += to - from;
		if (this.read - this.recordStart > this.most) {
			throw new SheetException(HttpStatus.BAD_REQUEST, "The row beginning on line " + this.recordLine
					+ " of the file holds more than " + this.most + " characters, where a row of attendance holds"
					+ " a few hundred: is the file a sheet of attendance saved as CSV, and is every quote in it"
					+ " closed?");
		}
	}

}
