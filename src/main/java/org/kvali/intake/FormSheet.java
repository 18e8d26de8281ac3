package org.kvali.intake;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.kvali.graphql.Glyphs;
import org.kvali.graphql.Text;

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

	private static final Pattern FILE_NAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"|;\\s*filename=([^;\\s]+)");

	/** A name in UTF-8, escaped as RFC 5987 writes it: some clients send a Georgian name so alone. */
	private static final Pattern FILE_NAME_UTF8 = Pattern.compile("(?i);\\s*filename\\*=utf-8''([^;\\s]+)");

	private static final Pattern FIELD_NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"|;\\s*name=([^;\\s]+)");

	/** The most bytes read before the first part, and of a part's headers (all its lines together). */
	private static final int MOST_BEFORE = 1 << 16;

	/** The longest type of a file a form gives that is kept: a sheet's is a few words. */
	private static final int MOST_TYPE = 200;

	/** The transfer encodings of a part sent as it is (RFC 7578 leaves the others out of forms). */
	private static final Set<String> IDENTITY = Set.of("binary", "8bit", "7bit");

	private static final int CHUNK = 1 << 16;

	private static final byte[] CRLF = { '\r', '\n' };

	private static final String NO_FILE = "The form holds no file: attach the sheet (curl -F file=@sheet.csv)";

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
		String disposition = null;
		int headers = 0;
		for (var header = line(); !header.isEmpty(); header = line()) {
			// the lines of a part's headers together: a body of header lines was read on and on (a review's)
			headers += header.length() + 2;
			if (headers > MOST_BEFORE) {
				throw refused("The form's part has headers of more than 64 KB");
			}
			var colon = header.indexOf(':');
			var name = colon < 0 ? "" : header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
			var value = colon < 0 ? "" : header.substring(colon + 1).strip();
			if (name.equals("content-disposition")) {
				disposition = value;
			}
			else if (name.equals("content-type")) {
				// kept in the history: a type of control characters failed the load at its end (a review's)
				if (value.length() > MOST_TYPE || Text.holdsControl(value, false)) {
					throw refused("The form gives its file a type that is none: " + Text.preview(Text.visible(value),
							60));
				}
				this.partType = value;
			}
			else if (name.equals("content-transfer-encoding") && !IDENTITY.contains(value.toLowerCase(Locale.ROOT))) {
				// a form's file is sent as it is: one in base64 or quoted-printable, read as it came, is no sheet
				throw refused("The form sends its file in " + (value.isEmpty() ? "an encoding it does not name"
						: "the encoding " + Text.preview(Text.visible(value), 40)) + ", which is not read: send the"
						+ " file as it is");
			}
		}
		var file = disposition == null ? null : FILE_NAME.matcher(disposition);
		var utf8 = disposition == null ? null : FILE_NAME_UTF8.matcher(disposition);
		boolean plain = file != null && file.find();
		boolean encoded = utf8 != null && utf8.find();
		if (!plain && !encoded) {
			var field = disposition == null ? null : FIELD_NAME.matcher(disposition);
			var named = field != null && field.find() ? field.group(1) != null ? field.group(1) : field.group(2) : "";
			throw refused("The form's field '" + Text.preview(Text.visible(named), 40) + "' is not read, and comes"
					+ " before the file: give dryRun and name in the address (?dryRun=true&name=...) and the sheet"
					+ " alone in the form");
		}
		var name = encoded ? decoded(utf8.group(1)) : file.group(1) != null ? file.group(1) : file.group(2);
		// a browser's form sends a file of no name where none was chosen
		if (Text.blank(name)) {
			throw refused(NO_FILE);
		}
		this.fileName = plainName(name);
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

	/** A name escaped as RFC 5987 writes it ("%E1%83%9B..."); one escaped wrongly is refused. */
	private static String decoded(String escaped) {
		try {
			return URLDecoder.decode(escaped.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw refused("The form's file name is escaped wrongly: " + Text.preview(Text.visible(escaped), 60));
		}
	}

	/** A file's name without the folder a browser may send with it, or null where it is none of one line. */
	private static String plainName(String name) {
		var plain = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		// as the name given in the address must be
		return Text.blank(plain) || Text.length(plain) > 255 || Text.holdsControl(plain, false)
				|| Text.turnsAround(plain) || Glyphs.nonCharacter(plain) >= 0 ? null : Text.trim(plain);
	}

	private static SheetException refused(String message) {
		return new SheetException(HttpStatus.BAD_REQUEST, message);
	}

}
