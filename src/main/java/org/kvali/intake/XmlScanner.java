package org.kvali.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an XML part as it streams by looking at each {@code <}, without parsing the rest: what {@link XmlStartTags}
 * and {@link IsoDateCells} share. Comments, CDATA sections and processing instructions are passed over whole, so a
 * tag written inside one is not taken for an element, and a {@code >} inside an attribute's quotes does not end its
 * tag.
 */
abstract class XmlScanner {

	private final InputStream in;

	byte[] buffer = new byte[64 * 1024];

	int position;

	int end;

	/** Where the markup being read starts ({@code <}), kept in the buffer as more is read; -1 when none is. */
	int mark = -1;

	XmlScanner(InputStream in) {
		this.in = in;
	}

	/** Told before the buffer drops its bytes before {@code keep} and moves the rest to its start. */
	void dropping(int keep) throws IOException {
	}

	/**
	 * After a {@code <} at the mark, reads the name of a start or end tag ({@code /} included): returns where its local
	 * name starts, from the mark, after any prefix (which may be of any length), the position past the name.
	 */
	int localName() throws IOException {
		if (peek() == '/') {
			this.position++;
		}
		// from the mark, which a refill moves
		int local = this.position - this.mark;
		for (int c = peek(); c >= 0 && nameCharacter(c); c = peek()) {
			local = c == ':' ? this.position + 1 - this.mark : local;
			this.position++;
		}
		return local;
	}

	/** Moves the position past the tag's {@code >}, which may be in an attribute's quotes. */
	void toTagEnd() throws IOException {
		int quote = 0;
		for (int c = peek(); c >= 0; c = peek()) {
			this.position++;
			if (quote != 0) {
				quote = c == quote ? 0 : quote;
			}
			else if (c == '"' || c == '\'') {
				quote = c;
			}
			else if (c == '>') {
				return;
			}
		}
	}

	/** After {@code <!} or {@code <?} at the mark: a comment, CDATA section, declaration or instruction, passed over. */
	void skipMarkup() throws IOException {
		var close = startsWith("<?") ? "?>" : startsWith("<!--") ? "-->" : startsWith("<![CDATA[") ? "]]>" : ">";
		// a comment or a section of any length: nothing of it is kept
		this.mark = -1;
		skipPast(close);
	}

	/** Whether the markup from the mark starts with {@code text}; if so, the position moves past it. */
	private boolean startsWith(String text) throws IOException {
		while (this.end - this.mark < text.length() && fill()) {
			// read on until the text would fit, or the part ends
		}
		for (int i = 0; i < text.length(); i++) {
			if (this.mark + i >= this.end || this.buffer[this.mark + i] != text.charAt(i)) {
				return false;
			}
		}
		this.position = this.mark + text.length();
		return true;
	}

	/** Moves the position past the next {@code text}, or to the end. */
	private void skipPast(String text) throws IOException {
		int length = text.length();
		// the last bytes read, round: "]]]>" ends a section as "]]>" does
		var last = new int[length];
		long read = 0;
		for (int c = peek(); c >= 0; c = peek()) {
			this.position++;
			last[(int) (read++ % length)] = c;
			if (read >= length && endsWith(last, read, text)) {
				return;
			}
		}
	}

	private static boolean endsWith(int[] last, long read, String text) {
		int length = text.length();
		for (int i = 0; i < length; i++) {
			if (last[(int) ((read - length + i) % length)] != text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** Moves the position to the next {@code c}; false at the end. */
	boolean skipTo(char c) throws IOException {
		do {
			var bytes = this.buffer;
			for (int i = this.position; i < this.end; i++) {
				if (bytes[i] == c) {
					this.position = i;
					return true;
				}
			}
			this.position = this.end;
		}
		while (fill());
		return false;
	}

	/** The byte at the position, reading on when the buffer is used up; -1 at the end. */
	int peek() throws IOException {
		if (this.position == this.end && !fill()) {
			return -1;
		}
		return this.buffer[this.position] & 0xff;
	}

	/**
	 * Reads on after what the buffer holds, keeping what is from the mark (else the position) on at its start, and
	 * doubling it when that is all of it (a long tag). False at the end of the part.
	 */
	private boolean fill() throws IOException {
		int keep = this.mark >= 0 ? this.mark : this.position;
		dropping(keep);
		if (keep > 0) {
			System.arraycopy(this.buffer, keep, this.buffer, 0, this.end - keep);
			this.end -= keep;
			this.position -= keep;
			this.mark -= this.mark >= 0 ? keep : 0;
		}
		if (this.end == this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, 2 * this.buffer.length);
		}
		int read = this.in.read(this.buffer, this.end, this.buffer.length - this.end);
		if (read <= 0) {
			// the end (no stream gives 0 bytes for room to read into; were one to, its part would end there)
			return false;
		}
		this.end += read;
		return true;
	}

	/** Whether {@code c} (a byte of UTF-8) may be in an element's or attribute's name, a prefix's colon included. */
	static boolean nameCharacter(int c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':' || c == '_'
				|| c == '-' || c == '.' || c >= 0x80;
	}

}
