package org.kvali.intake;

import org.springframework.http.HttpStatus;

/**
 * The bounds of what a spreadsheet program writes in one XML part of an .xlsx, checked on its bytes as the zip is
 * inflated, before any XML reader holds a value whole: a string longer than a cell can hold (a 410 KB file whose one
 * shared string unpacked to 400 MB ran the service out of memory), a tag of thousands of attributes (whose reading
 * took time growing with their square: 200,000 held a load's turn for 40 s), shared strings beyond any sheet's.
 * Every part whose bytes begin as XML's do is checked, whatever its name (the reader finds parts by the workbook's
 * relations, not by their names). Each text is bounded here, so that no text the parser then reads ({@link
 * XlsxValues}, which bounds a value across its child elements) is large; these bytes are only counted.
 */
final class XmlPartLimits {

	/**
	 * The most bytes of one text between two tags: an Excel cell holds at most 32,767 characters, each up to 4 bytes
	 * in UTF-8 or an entity of up to 10 (&amp;#x1F600;).
	 */
	static final int MAX_STRING_BYTES = 32_767 * 10;

	/** The most bytes of one tag: its name and attributes (a data validation's list of ranges is the longest). */
	static final int MAX_TAG_BYTES = 1024 * 1024;

	/** The most attributes of one tag: a cell has three, a page setup some twenty. */
	static final int MAX_ATTRIBUTES = 256;

	/**
	 * The most bytes of the shared strings, which the reader holds whole: a sheet of 250,000 rows with a note of 100
	 * Georgian letters on each holds 75 MB (32 MB refused one of 120,000 rows: a tester's).
	 */
	static final long MAX_SHARED_STRINGS_BYTES = 100L * 1024 * 1024;

	private final String part;

	/** Null until the part's first bytes tell whether it is XML; then whether it is checked. */
	private Boolean xml;

	/** Whether the part is the one holding the shared strings, which the reader holds whole. */
	private final boolean sharedStrings;

	private long bytes;

	private boolean inTag;

	/** Whether the tag's first byte is next. */
	private boolean declaration;

	/** The quote a tag's attribute value is in (' or "), 0 outside one. */
	private byte quote;

	/** The tag's last byte that was no white space: a quote opens a value only after '=' (not a comment's "don't"). */
	private byte previous;

	private int tagLength;

	private int attributes;

	/** The bytes of text since the last tag. */
	private int text;

	XmlPartLimits(String part, boolean sharedStrings) {
		this.part = part;
		this.sharedStrings = sharedStrings;
	}

	/** Counts the bytes read into {@code buffer} from {@code offset}, refusing the part once one passes a bound. */
	void feed(byte[] buffer, int offset, int length) {
		if (this.xml == null) {
			this.xml = startsAsXml(buffer, offset, length);
		}
		if (this.xml == null || !this.xml) {
			return;
		}
		this.bytes += length;
		if (this.sharedStrings && this.bytes > MAX_SHARED_STRINGS_BYTES) {
			throw refused("Its shared strings (" + this.part + ") unpack to more than "
					+ MAX_SHARED_STRINGS_BYTES / (1024 * 1024) + " MB, far more than an attendance sheet holds");
		}
		for (int i = offset; i < offset + length; i++) {
			byte b = buffer[i];
			if (this.inTag) {
				inTag(b);
			}
			else if (b == '<') {
				this.inTag = true;
				this.declaration = true;
				this.tagLength = 0;
				this.attributes = 0;
				this.previous = '<';
			}
			else if (++this.text > MAX_STRING_BYTES) {
				throw tooLong(this.part);
			}
		}
	}

	private void inTag(byte b) {
		if (this.declaration) {
			// a comment, a CDATA section or a DTD, which no spreadsheet program writes and a parser would hold whole
			this.declaration = false;
			if (b == '!') {
				throw refused(this.part + " holds a comment, a CDATA section or a DTD, which no spreadsheet program"
						+ " writes");
			}
		}
		if (++this.tagLength > MAX_TAG_BYTES) {
			throw refused("A tag of " + this.part + " is longer than " + MAX_TAG_BYTES / (1024 * 1024) + " MB, which"
					+ " no spreadsheet program writes");
		}
		if (this.quote != 0) {
			// a > within an attribute's value ends no tag
			if (b == this.quote) {
				this.quote = 0;
				this.previous = b;
			}
			return;
		}
		boolean opens = (b == '"' || b == '\'') && this.previous == '=';
		if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
			this.previous = b;
		}
		if (opens) {
			this.quote = b;
		}
		else if (b == '=' && ++this.attributes > MAX_ATTRIBUTES) {
			throw refused("A tag of " + this.part + " has more than " + MAX_ATTRIBUTES + " attributes, which no"
					+ " spreadsheet program writes");
		}
		else if (b == '>') {
			this.inTag = false;
			this.text = 0;
		}
	}

	/**
	 * Whether the part begins as XML does, after a byte order mark and white space: with '<' (in UTF-16, one byte of
	 * its two). A picture or other binary part does not, and is not checked.
	 */
	static Boolean startsAsXml(byte[] buffer, int offset, int length) {
		for (int i = offset; i < offset + length; i++) {
			int b = buffer[i] & 0xFF;
			if (b == '<') {
				return true;
			}
			if (b == 0) {
				// UTF-16's other byte: before its '<' (big-endian), after a mark or a space (little-endian); zeros
				// alone are a picture's
				if (i + 1 < offset + length && buffer[i + 1] == '<') {
					return true;
				}
				if (i > offset && buffer[i - 1] != 0) {
					continue;
				}
				return false;
			}
			boolean markOrSpace = b == 0xEF || b == 0xBB || b == 0xBF || b == 0xFE || b == 0xFF || b == ' '
					|| b == '\t' || b == '\r' || b == '\n';
			if (!markOrSpace) {
				return false;
			}
		}
		// nothing but marks and spaces yet: told by the next bytes
		return null;
	}

	/**
	 * Whether the part begins as XML in UTF-32, of any byte order: its mark, or '<' with three zero bytes. An XML
	 * reader takes it so, and {@link #startsAsXml} told it none, and left it unchecked: a 1.7 KB workbook whose sheet
	 * named column ZZZZZZ ran the reader out of memory (a review's).
	 */
	static boolean inUtf32(byte[] head) {
		if (head.length < 4) {
			return false;
		}
		int first = (head[0] & 0xFF) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | head[3] & 0xFF;
		return first == 0x0000FEFF || first == 0xFFFE0000 || first == 0x0000FFFE || first == 0xFEFF0000
				|| first == 0x3C || first == 0x3C00 || first == 0x3C0000 || first == 0x3C000000;
	}

	/** The refusal of a value past what a cell holds, told alike for its bytes and for its characters. */
	static SheetException tooLong(String part) {
		return refused("A value of " + part + " is longer than a spreadsheet cell can hold (32,767 characters)");
	}

	static SheetException refused(String reason) {
		return new SheetException(HttpStatus.BAD_REQUEST, "The .xlsx file is refused as damaged or made up: " + reason
				+ "; open it in a spreadsheet program and save it again, or send the sheet as CSV");
	}

}
