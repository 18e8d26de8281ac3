package org.kvali.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

/**
 * The one file of a form (multipart/form-data, as {@code curl -F file=@sheet.csv}, a browser's form and a client's
 * form-data send a sheet), read as it arrives: the body up to the line that ends the file, never whole in memory. A
 * field beside the file is refused, not passed over: a form's {@code dryRun=true} read as nothing would load the
 * sheet. The file's type is its part's, else its name's ending.
 */
final class FormSheet extends InputStream {

	static final String TYPE = "multipart/form-data";

	private static final Pattern BOUNDARY = Pattern
		.compile("(?i);\\s*boundary=(\"([^\"]{1,70})\"|([^;\\s\"]{1,70}))(?=$|[;\\s])");

	/** The most bytes read before the first part, and of a part's headers (all its lines together). */
	static final int MOST_BEFORE = 1 << 16;

	private static final int CHUNK = 1 << 16;

	private static final byte[] CRLF = { '\r', '\n' };

	static final String NO_FILE = "The form holds no file: attach the sheet (curl -F file=@sheet.csv)";

	private final InputStream in;

	/** CRLF, two hyphens and the boundary: what ends a part. */
	private final byte[] delimiter;

	private byte[] buffer = new byte[CHUNK];

	private int start;

	private int end;

	private boolean drained;

	/** Up to where in the buffer no delimiter begins: the bytes before are not searched again. */
	private int searched;

	private boolean ended;

	private String fileName;

	private String partType;

	private FormSheet(InputStream in, String boundary) {
		this.in = in;
		this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
		// the first delimiter opens the body, where no line ends before it
		this.buffer[0] = '\r';
		this.buffer[1] = '\n';
		this.end = 2;
	}

	/** Whether a request of this type is a form. */
	static boolean isForm(String contentType) {
		return SheetFormat.bare(contentType).equals(TYPE);
	}

	/** The boundary a form's type gives its parts; refused with 400 where it gives none. */
	static String boundary(String contentType) {
		var matcher = BOUNDARY.matcher(contentType);
		if (!matcher.find()) {
			throw refused("The form's type gives no boundary between its parts (multipart/form-data; boundary=...)");
		}
		return matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
	}

	/** The form's file, read up to its first byte: its name and type are then known. */
	static FormSheet open(InputStream in, String contentType) throws IOException {
		var form = new FormSheet(in, boundary(contentType));
		form.first();
		return form;
	}

	/** The file's name as the form gives it, without a folder; null where none or none of one line. */
	String fileName() {
		return this.fileName;
	}

	/**
	 * The part's own type where it is a sheet's, else one for its name's ending (a system may call a .csv file
	 * application/octet-stream or text/x-csv), else the part's.
	 */
	String contentType() {
		if (this.partType != null && SheetFormat.named(this.partType) != null) {
			return this.partType;
		}
		var name = this.fileName == null ? "" : this.fileName.toLowerCase(Locale.ROOT);
		return name.endsWith(".xlsx") ? SheetFormat.XLSX_TYPE
				: name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv") ? "text/csv"
						: this.partType == null ? "" : this.partType;
	}

	@Override
	public int read() throws IOException {
		var one = new byte[1];
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] into, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		while (!this.ended) {
			int at = indexOf(this.delimiter, Math.max(this.start, this.searched));
			if (at < 0) {
				this.searched = Math.max(this.start, this.end - this.delimiter.length + 1);
			}
			// what may be the start of the delimiter is kept until more arrives
			int safe = at >= 0 ? at : this.searched;
			if (safe > this.start) {
				int n = Math.min(length, safe - this.start);
				System.arraycopy(this.buffer, this.start, into, offset, n);
				this.start += n;
				return n;
			}
			if (at >= 0) {
				this.start = at + this.delimiter.length;
				afterFile();
				return -1;
			}
			if (!fill()) {
				throw refused("The form ends before its file does: send it again whole");
			}
		}
		return -1;
	}

	/** Past the first delimiter, to the first part's headers and the file's first byte. */
	private void first() throws IOException {
		int at = find(this.delimiter, "The body is no form of the boundary its type gives");
		this.start = at + this.delimiter.length;
		if (next().equals("--")) {
			throw refused(NO_FILE);
		}
		var part = new PartHeaders();
		for (var header = line(); !header.isEmpty(); header = line()) {
			part.add(header);
		}
		this.partType = part.type();
		this.fileName = part.fileName();
	}

	/** After the file: the form's end, or another part, which is refused (a field after it is read as nothing). */
	private void afterFile() throws IOException {
		this.ended = true;
		if (!next().equals("--")) {
			throw refused("The form holds more than the sheet after it: send the file alone, and give dryRun and"
					+ " name in the address (?dryRun=true&name=...)");
		}
	}

	/** The two bytes after a delimiter: "--" after the last part, else the end of its line. */
	private String next() throws IOException {
		while (this.end - this.start < 2) {
			if (!fill()) {
				throw refused("The form ends before its last boundary: send it again whole");
			}
		}
		var two = new String(this.buffer, this.start, 2, StandardCharsets.US_ASCII);
		this.start += 2;
		return two;
	}

	/** A line of a part's headers, without its end. */
	private String line() throws IOException {
		int at = find(CRLF, "The form's part has no end of its headers (lines end with CR LF)");
		var line = new String(this.buffer, this.start, at - this.start, StandardCharsets.UTF_8);
		this.start = at + 2;
		return line;
	}

	/**
	 * Where {@code sought} begins, reading more as needed, at most {@link #MOST_BEFORE} bytes ahead; each byte is
	 * looked at once (looked for again from the start at each read, a header line sent a byte at a time took a core
	 * for minutes: a review's).
	 */
	private int find(byte[] sought, String failure) throws IOException {
		int from = this.start;
		int at;
		while ((at = indexOf(sought, from)) < 0) {
			from = Math.max(this.start, this.end - sought.length + 1);
			int before = this.start;
			if (this.end - this.start > MOST_BEFORE || !fill()) {
				throw refused(failure);
			}
			from -= before - this.start;
		}
		return at;
	}

	/** Reads more into the buffer, keeping what is not read yet; false at the body's end. */
	private boolean fill() throws IOException {
		if (this.drained) {
			return false;
		}
		if (this.start > 0) {
			System.arraycopy(this.buffer, this.start, this.buffer, 0, this.end - this.start);
			this.end -= this.start;
			this.searched = Math.max(0, this.searched - this.start);
			this.start = 0;
		}
		if (this.end == this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, this.buffer.length * 2);
		}
		int n = this.in.read(this.buffer, this.end, this.buffer.length - this.end);
		if (n < 0) {
			this.drained = true;
			return false;
		}
		this.end += n;
		return true;
	}

	/** Where {@code sought} begins in the buffer, looked for from {@code from}; -1 where it does not. */
	private int indexOf(byte[] sought, int from) {
		outer: for (int i = from; i <= this.end - sought.length; i++) {
			for (int j = 0; j < sought.length; j++) {
				if (this.buffer[i + j] != sought[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	static SheetException refused(String message) {
		return new SheetException(HttpStatus.BAD_REQUEST, message);
	}

}
