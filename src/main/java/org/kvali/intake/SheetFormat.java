package org.kvali.intake;

import java.util.Locale;

import org.springframework.http.HttpStatus;

/** The two kinds of sheet the import reads, told apart by the request's content type. */
enum SheetFormat {

	CSV, XLSX;

	static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static SheetFormat of(String contentType) {
		var type = contentType.toLowerCase(Locale.ROOT);
		// a browser on Windows sends a .csv file as application/vnd.ms-excel
		if (type.startsWith("text/csv") || type.startsWith("application/vnd.ms-excel")) {
			return CSV;
		}
		if (type.startsWith(XLSX_TYPE)) {
			return XLSX;
		}
		throw new SheetException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Send the sheet as text/csv (UTF-8) or as " + XLSX_TYPE + "; got '" + contentType + "'");
	}

}
