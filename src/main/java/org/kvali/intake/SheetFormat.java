package org.kvali.intake;

import java.util.Locale;

import org.springframework.http.HttpStatus;

/** The two kinds of sheet the import reads, told apart by the request's content type. */
enum SheetFormat {

	CSV, XLSX;

	static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static SheetFormat of(String contentType) {
		// the type without its parameters (charset=...); a browser on Windows sends a .csv file as
		// application/vnd.ms-excel, and application/vnd.ms-excel.sheet.macroEnabled.12 is another type
		var type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
		if (type.equals("text/csv") || type.equals("application/vnd.ms-excel")) {
			return CSV;
		}
		if (type.equals(XLSX_TYPE)) {
			return XLSX;
		}
		throw new SheetException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Send the sheet as text/csv (UTF-8) or as " + XLSX_TYPE + "; got '" + contentType + "'");
	}

}
