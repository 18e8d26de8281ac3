package org.kvali.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Finds the start tags of a few elements in an XML part as it streams, without parsing the rest: a worksheet's rows,
 * merged ranges and columns among its millions of cells. Three regular expressions over the text took 1.34 to 1.49 s of
 * the 3.0 to 3.5 s a workbook of 200,000 rows (107 MB of XML) took to read; looking at each {@code <} alone, 0.22 to
 * 0.27 s, 0.09 s of it inflating the part. Comments, CDATA sections and processing instructions are passed over
 * whole, so a tag written inside one is not taken for an element, and a {@code >} inside an attribute's quotes does
 * not end its tag.
 */
final class XmlStartTags {

	/** The longest local name looked at; a longer one is none of those sought. */
	private static final int LONGEST_NAME = 64;

	private final InputStream in;

	private byte[] buffer = new byte[64 * 1024];

	private int position;

	private int end;

	/** Where the markup being read starts ({@code <}), kept in the buffer as more is read; -1 when none is. */
	private int mark = -1;

	private XmlStartTags(InputStream in) {
		this.in = in;
	}

	/**
	 * Gives {@code found} each start tag (or empty element) of the local names {@code names}, whatever their prefix:
	 * the name and the tag's text from its {@code <} to its {@code >}, read as ISO-8859-1 (the attributes sought are
	 * ASCII).
	 */
	static void scan(InputStream in, Set<String> names, BiConsumer<String, String> found) throws IOException {
		new XmlStartTags(in).scan(names, found);
	}

	private void scan(Set<String> names, BiConsumer<String, String> found) throws IOException {
		// a name of another length is not looked up: a sheet's millions of cells' tags are one or two letters long
		var lengths = new boolean[LONGEST_NAME + 1];
		names.forEach(name -> lengths[Math.min(name.length(), LONGEST_NAME)] = true);
		while (skipTo('<')) {
			this.mark = this.position++;
			int c = peek();
			if (c == '/') {
				// an end tag
				this.mark = -1;
				continue;
			}
			if (c == '!' || c == '?') {
				skipMarkup();
				continue;
			}
			// where the local name starts, from the mark (which a refill moves); a prefix may be of any length
			int local = this.position - this.mark;
			for (; c >= 0 && nameCharacter(c); c = peek()) {
				// after a prefix, the local name
				local = c == ':' ? this.position + 1 - this.mark : local;
				this.position++;
			}
			int length = this.position - this.mark - local;
			if (length <= LONGEST_NAME && lengths[length]) {
				var name = new String(this.buffer, this.mark + local, length, StandardCharsets.ISO_8859_1);
				if (names.contains(name)) {
					found.accept(name, tag());
				}
			}
			this.mark = -1;
		}
	}

	/** After {@code <!} or {@code <?}: a comment, CDATA section, declaration or instruction, passed over whole. */
	private void skipMarkup() throws IOException {
		var close = startsWith("<?") ? "?>" : startsWith("<!--") ? "-->" : startsWith("<![CDATA[") ? "]]>" : ">";
		// a comment or a section of any length: nothing of it is kept
		this.mark = -1;
		skipPast(close);
	}

	/** The tag from the mark to its {@code >}. */
	private String tag() throws IOException {
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
				break;
			}
		}
		return new String(this.buffer, this.mark, this.position - this.mark, StandardCharsets.ISO_8859_1);
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
	private boolean skipTo(char c) throws IOException {
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
	private int peek() throws IOException {
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

	private static boolean nameCharacter(int c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':' || c == '_'
				|| c == '-' || c == '.' || c >= 0x80;
	}

}
