package org.kvali.intake;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A workbook's cells of type d, a date written as ISO text (2025-03-01T00:00:00), which programs writing workbooks
 * may save and the reader does not know, rewritten as a spreadsheet program keeps a date: its day number in the
 * workbook's date system ({@link IsoDayNumbers}), so that the cell is read as any date is, by its column and number
 * format. A value that is no date of those years becomes a text cell, for its column's checks to refuse naming it. A
 * part is streamed: everything else in it is copied as it is, byte for byte, and the workbook's other parts are by
 * {@link IsoDateWorkbook}.
 */
final class IsoDateCells extends XmlScanner {

	/** The most bytes a dated cell holds before its value. */
	static final int HELD_BYTES = 4 * XlsxValues.MAX_VALUE_CHARS + 4096;

	private final OutputStream out;

	private final IsoDayNumbers dayNumbers;

	/** The first byte of the buffer not yet passed on. */
	private int pending;

	/** A dated cell's start tag, held until its value says what type it becomes. */
	private final ByteArrayOutputStream cell = new ByteArrayOutputStream();

	/** Whether a dated cell is held. */
	private boolean holding;

	/** Where the type's attribute, white space before it included, starts and ends in {@link #cell}. */
	private int typeStart;

	private int typeEnd;

	/** What follows a dated cell's start tag up to its value: a formula, in a spreadsheet's. */
	private final ByteArrayOutputStream held = new ByteArrayOutputStream();

	/** A dated cell's value as it is read, between its start and end tags. */
	private final ByteArrayOutputStream value = new ByteArrayOutputStream();

	/** Whether a dated cell's value is read. */
	private boolean inValue;

	/** Whether the value is text alone, without a comment or section in it. */
	private boolean plain;

	private IsoDateCells(InputStream in, OutputStream out, IsoDayNumbers dayNumbers) {
		super(in);
		this.out = out;
		this.dayNumbers = dayNumbers;
	}

	/** Copies a part, each dated cell rewritten ({@link IsoDayNumbers}); {@code out} is flushed, not closed. */
	static void copy(InputStream in, OutputStream out, LocalDate epoch, ZoneId zone) throws IOException {
		var buffered = new BufferedOutputStream(out, 1 << 16);
		new IsoDateCells(in, buffered, new IsoDayNumbers(epoch, zone)).copy();
		buffered.flush();
	}

	private void copy() throws IOException {
		while (skipTo('<')) {
			this.mark = this.position++;
			int c = peek();
			if (c == '!' || c == '?') {
				if (this.inValue) {
					// a comment or section in a value makes it text
					this.plain = false;
				}
				skipMarkup();
			}
			else {
				tag(c == '/');
			}
			this.mark = -1;
		}
		passOn(this.end);
		// a part ending inside a dated cell (no XML part read whole does): what was read of it, as it was
		if (this.inValue) {
			this.value.writeTo(this.held);
			this.inValue = false;
		}
		release("");
	}

	/**
	 * A start or end tag from the mark: a cell's, or a value's in a dated cell, is looked at; any other passes on as
	 * it is, and from its name on is read no further (a {@code <} is in no attribute's value).
	 */
	private void tag(boolean endTag) throws IOException {
		int local = localName();
		int name = this.position - this.mark - local == 1 ? this.buffer[this.mark + local] : 0;
		if (this.inValue) {
			// any tag ends a value, its own end tag as a rule
			passOn(this.mark);
			resolve();
		}
		if (name == 'c' && endTag) {
			passOn(this.mark);
			release("");
		}
		else if (name == 'c') {
			cell(local + 1);
		}
		else if (name == 'v' && !endTag && this.holding) {
			toTagEnd();
			if (this.buffer[this.position - 2] != '/') {
				passOn(this.position);
				this.value.reset();
				this.inValue = true;
				this.plain = true;
			}
		}
	}

	/** A cell's start tag, its attributes {@code attributes} bytes after the mark: held if it is dated. */
	private void cell(int attributes) throws IOException {
		passOn(this.mark);
		// a cell inside a held one: none in a well-formed sheet
		release("");
		toTagEnd();
		if (!dated(this.mark + attributes)) {
			return;
		}
		if (this.buffer[this.position - 2] == '/') {
			put(this.buffer, this.mark, this.typeStart - this.mark);
			put(this.buffer, this.typeEnd, this.position - this.typeEnd);
		}
		else {
			this.cell.write(this.buffer, this.mark, this.position - this.mark);
			this.holding = true;
			this.typeStart -= this.mark;
			this.typeEnd -= this.mark;
		}
		this.pending = this.position;
	}

	/** Whether the tag up to the position has type d, its attributes read from {@code from}. */
	private boolean dated(int from) {
		int i = from;
		while (i < this.position) {
			int start = i;
			while (i < this.position && isSpace(this.buffer[i])) {
				i++;
			}
			int attribute = i;
			while (i < this.position && nameCharacter(this.buffer[i] & 0xff)) {
				i++;
			}
			boolean type = i - attribute == 1 && this.buffer[attribute] == 't';
			while (i < this.position && (isSpace(this.buffer[i]) || this.buffer[i] == '=')) {
				i++;
			}
			if (i >= this.position || this.buffer[i] != '"' && this.buffer[i] != '\'') {
				return false;
			}
			int quote = this.buffer[i++];
			int valueStart = i;
			while (i < this.position && this.buffer[i] != quote) {
				i++;
			}
			if (type) {
				this.typeStart = start;
				this.typeEnd = Math.min(i + 1, this.position);
				return i - valueStart == 1 && this.buffer[valueStart] == 'd';
			}
			i++;
		}
		return false;
	}

	/** The held cell with the value read, as a day number where it is a date, else as text. */
	private void resolve() throws IOException {
		var text = this.value.toString(StandardCharsets.UTF_8).strip();
		// an empty value or white space alone: an empty cell
		var day = !this.plain ? null : text.isEmpty() ? "" : this.dayNumbers.of(text);
		this.inValue = false;
		if (day != null) {
			this.held.write(day.getBytes(StandardCharsets.US_ASCII));
		}
		else {
			this.value.writeTo(this.held);
		}
		release(day != null ? "" : " t=\"str\"");
	}

	/** Passes on the held cell, its type {@code type} (a number where empty), and what followed it. */
	private void release(String type) throws IOException {
		if (!this.holding) {
			return;
		}
		this.holding = false;
		var tag = this.cell.toByteArray();
		this.cell.reset();
		this.out.write(tag, 0, this.typeStart);
		this.out.write(type.getBytes(StandardCharsets.US_ASCII));
		this.out.write(tag, this.typeEnd, tag.length - this.typeEnd);
		this.held.writeTo(this.out);
		this.held.reset();
	}

	/** Passes on the buffer's bytes up to {@code to}, those before it already passed on. */
	private void passOn(int to) throws IOException {
		if (to > this.pending) {
			put(this.buffer, this.pending, to - this.pending);
			this.pending = to;
		}
	}

	/**
	 * Passes on bytes: into the value or the held cell where one is read, else out. What a cell holds before its value
	 * is bounded as its text is ({@link XlsxValues#MAX_VALUE_CHARS}, at most four bytes each): 600 MB of empty elements
	 * in one cell, from a zip of 600 KB, filled the heap.
	 */
	private void put(byte[] bytes, int from, int length) throws IOException {
		if (this.holding && !this.inValue && this.held.size() + length > HELD_BYTES) {
			throw XmlPartLimits.refused("a cell of type d holds more than " + HELD_BYTES + " bytes before its value");
		}
		(this.inValue ? this.value : this.holding ? this.held : this.out).write(bytes, from, length);
	}

	@Override
	void dropping(int keep) throws IOException {
		passOn(keep);
		this.pending -= keep;
	}

	private static boolean isSpace(byte c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r';
	}

}
