package org.kvali.intake;

import java.util.Arrays;
import java.util.Locale;

import org.kvali.graphql.Text;

import org.springframework.http.HttpStatus;

/** The two kinds of sheet the import reads, told apart by the request's content type. */
enum SheetFormat {

	CSV, XLSX;

	static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** The first bytes of an Excel 97-2003 workbook (an OLE2 compound file), which is read as neither. */
	private static final byte[] XLS_MAGIC = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	/** Refuses a body that starts as an old .xls workbook does, whichever type it was sent as. */
	static void notXls(byte[] head) {
		if (head.length >= XLS_MAGIC.length && Arrays.equals(head, 0, XLS_MAGIC.length, XLS_MAGIC, 0, XLS_MAGIC.length)) {
			throw new SheetException(HttpStatus.BAD_REQUEST, "The body is an Excel 97-2003 (.xls) workbook, which is "
					+ "not read; save it as .xlsx or as CSV UTF-8 and send it again");
		}
	}

	/** The type without its parameters (charset=...), in lower case. */
	static String bare(String contentType) {
		return contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
	}

	/**
	 * The kind of sheet of a type, or null where it is none: a browser on Windows sends a .csv file as
	 * application/vnd.ms-excel, and application/vnd.ms-excel.sheet.macroEnabled.12 is another type; Excel's "Unicode
	 * Text" is a .txt, which a browser sends as text/plain.
	 */
	static SheetFormat named(String contentType) {
		var type = bare(contentType);
		if (type.equals("text/csv") || type.equals("application/vnd.ms-excel") || type.equals("text/plain")
				|| type.equals("text/tab-separated-values")) {
			return CSV;
		}
		return type.equals(XLSX_TYPE) ? XLSX : null;
	}

	/** The kind of sheet of a type; refused with 415 where it is none. */
	static SheetFormat of(String contentType) {
		var format = named(contentType);
		if (format != null) {
			return format;
		}
		var type = bare(contentType);
		throw new SheetException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Send the sheet as text/csv (UTF-8, or Excel's Unicode Text as text/plain) or as " + XLSX_TYPE
						+ "; got '" + Text.preview(contentType, 100) + "'" + (type.startsWith("multipart/")
								|| type.equals("application/x-www-form-urlencoded")
										? " (a form's fields are not read: attach the file to a form of type "
												+ FormSheet.TYPE + ", as curl -F file=@sheet.csv does, or send it"
												+ " itself as the body, as curl --data-binary @sheet.csv -H"
												+ " 'Content-Type: text/csv' does)"
										: ""));
	}

}
