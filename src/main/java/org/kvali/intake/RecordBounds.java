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

	/** The most characters of one record: an attendance sheet's row of 16 cells of 500 holds about 8,000. */
	static final int MAX_CHARACTERS = 1 << 18;

	private enum State {
		FIELD_START, PLAIN, QUOTED, QUOTE_SEEN
	}

	private final char separator;

	private State state = State.FIELD_START;

	private int characters;

	private long line = 1;

	private long recordLine = 1;

	RecordBounds(Reader in, char separator) {
		super(in);
		this.separator = separator;
	}

	@Override
	public int read() throws IOException {
		int c = super.read();
		if (c >= 0) {
			take((char) c);
		}
		return c;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		int read = super.read(buffer, offset, length);
		for (int i = offset; i < offset + read; i++) {
			take(buffer[i]);
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

	private void take(char c) {
		boolean lineBreak = c == '\n' || c == '\r';
		if (c == '\n') {
			this.line++;
		}
		if (lineBreak && this.state != State.QUOTED) {
			this.state = State.FIELD_START;
			this.characters = 0;
			this.recordLine = this.line;
			return;
		}
		this.state = switch (this.state) {
			case FIELD_START -> c == '"' ? State.QUOTED : c == this.separator ? State.FIELD_START : State.PLAIN;
			case PLAIN -> c == this.separator ? State.FIELD_START : State.PLAIN;
			case QUOTED -> c == '"' ? State.QUOTE_SEEN : State.QUOTED;
			case QUOTE_SEEN -> c == '"' ? State.QUOTED : c == this.separator ? State.FIELD_START : State.PLAIN;
		};
		if (++this.characters > MAX_CHARACTERS) {
			throw new SheetException(HttpStatus.BAD_REQUEST, "The row beginning on line " + this.recordLine
					+ " of the file holds more than " + MAX_CHARACTERS + " characters, where a row of attendance holds"
					+ " a few hundred: is the file a sheet of attendance saved as CSV, and is every quote in it"
					+ " closed?");
		}
	}

}
