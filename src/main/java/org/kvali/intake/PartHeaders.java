package org.kvali.intake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.kvali.graphql.Glyphs;
import org.kvali.graphql.Text;

/** The headers of a form's first part, a line at a time: the file's name and type, or why the part is no sheet's. */
final class PartHeaders {

	private static final Pattern FILE_NAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"|;\\s*filename=([^;\\s]+)");

	/** A name in UTF-8, escaped as RFC 5987 writes it: some clients send a Georgian name so alone. */
	private static final Pattern FILE_NAME_UTF8 = Pattern.compile("(?i);\\s*filename\\*=utf-8''([^;\\s]+)");

	private static final Pattern FIELD_NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"|;\\s*name=([^;\\s]+)");

	/** The longest type of a file a form gives that is kept: a sheet's is a few words. */
	private static final int MOST_TYPE = 200;

	/** The transfer encodings of a part sent as it is (RFC 7578 leaves the others out of forms). */
	private static final Set<String> IDENTITY = Set.of("binary", "8bit", "7bit");

	private String disposition;

	private int headers;

	private String type;

	/** Takes a header line, without its end. */
	void add(String header) {
		// the lines of a part's headers together: a body of header lines was read on and on (a review's)
		this.headers += header.length() + 2;
		if (this.headers > FormSheet.MOST_BEFORE) {
			throw FormSheet.refused(
					"The form's part has headers of more than " + (FormSheet.MOST_BEFORE >> 10) + " KB");
		}
		var colon = header.indexOf(':');
		var name = colon < 0 ? "" : header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
		var value = colon < 0 ? "" : header.substring(colon + 1).strip();
		if (name.equals("content-disposition")) {
			this.disposition = value;
		}
		else if (name.equals("content-type")) {
			// kept in the history: a type of control characters failed the load at its end (a review's)
			if (value.length() > MOST_TYPE || Text.holdsControl(value, false)) {
				throw FormSheet.refused("The form gives its file a type that is none: "
						+ Text.preview(Text.visible(value), 60));
			}
			this.type = value;
		}
		else if (name.equals("content-transfer-encoding") && !IDENTITY.contains(value.toLowerCase(Locale.ROOT))) {
			// a form's file is sent as it is: one in base64 or quoted-printable, read as it came, is no sheet
			throw FormSheet.refused("The form sends its file in " + (value.isEmpty() ? "an encoding it does not name"
					: "the encoding " + Text.preview(Text.visible(value), 40)) + ", which is not read: send the"
					+ " file as it is");
		}
	}

	/** The part's type as its header gives it; null where none does. */
	String type() {
		return this.type;
	}

	/**
	 * The file's name once the headers are read, as {@link #plainName} keeps it; refused where the part is a field's
	 * or the file has no name.
	 */
	String fileName() {
		var file = this.disposition == null ? null : FILE_NAME.matcher(this.disposition);
		var utf8 = this.disposition == null ? null : FILE_NAME_UTF8.matcher(this.disposition);
		boolean plain = file != null && file.find();
		boolean encoded = utf8 != null && utf8.find();
		if (!plain && !encoded) {
			var field = this.disposition == null ? null : FIELD_NAME.matcher(this.disposition);
			var named = field != null && field.find() ? field.group(1) != null ? field.group(1) : field.group(2) : "";
			throw FormSheet.refused("The form's field '" + Text.preview(Text.visible(named), 40) + "' is not read, and"
					+ " comes before the file: give dryRun and name in the address (?dryRun=true&name=...) and the sheet"
					+ " alone in the form");
		}
		var name = encoded ? decoded(utf8.group(1)) : file.group(1) != null ? file.group(1) : file.group(2);
		// a browser's form sends a file of no name where none was chosen
		if (Text.blank(name)) {
			throw FormSheet.refused(FormSheet.NO_FILE);
		}
		return plainName(name);
	}

	/** A name escaped as RFC 5987 writes it ("%E1%83%9B..."); one escaped wrongly is refused. */
	private static String decoded(String escaped) {
		try {
			return URLDecoder.decode(escaped.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw FormSheet.refused("The form's file name is escaped wrongly: "
					+ Text.preview(Text.visible(escaped), 60));
		}
	}

	/** A file's name without the folder a browser may send with it, or null where it is none of one line. */
	private static String plainName(String name) {
		var plain = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		// as the name given in the address must be
		return Text.blank(plain) || Text.length(plain) > 255 || Text.holdsControl(plain, false)
				|| Text.turnsAround(plain) || Glyphs.nonCharacter(plain) >= 0 ? null : Text.trim(plain);
	}

}
