package org.kvali.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.http.HttpStatus;

/** Reads a CSV attendance sheet: UTF-8 with or without BOM, RFC 4180 quoting, a header row naming the columns. */
final class CsvSheetReader {

	private CsvSheetReader() {
	}

	static Sheet read(byte[] body, int maxRows) {
		var text = decode(body);
		if (text.isBlank()) {
			throw new SheetException(HttpStatus.BAD_REQUEST, "The sheet is empty");
		}
		if (text.indexOf('\0') >= 0) {
			throw new SheetException(HttpStatus.BAD_REQUEST, "The body holds binary data, not CSV text");
		}
		try (var parser = CSVParser.builder().setReader(new java.io.StringReader(text)).setFormat(CSVFormat.RFC4180).get()) {
			List<String> header = null;
			var rows = new ArrayList<SheetRow>();
			for (CSVRecord record : parser) {
				if (header == null) {
					header = record.stream().map(name -> name.trim().toLowerCase(Locale.ROOT)).toList();
					continue;
				}
				if (record.size() == 1 && record.get(0).isBlank()) {
					continue;
				}
				if (rows.size() == maxRows) {
					throw new SheetException(HttpStatus.PAYLOAD_TOO_LARGE,
							"The sheet has more than " + maxRows + " rows; split it into smaller sheets");
				}
				var cells = new HashMap<String, String>();
				for (int i = 0; i < Math.min(record.size(), header.size()); i++) {
					cells.putIfAbsent(header.get(i), record.get(i).trim());
				}
				rows.add(new SheetRow((int) record.getRecordNumber(), cells, record.size() > header.size()));
			}
			return new Sheet(header, rows);
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			throw new SheetException(HttpStatus.BAD_REQUEST,
					"The body is not readable CSV: a quoted value is never closed, or quotes are misplaced");
		}
		catch (IOException ex) {
			throw new SheetException(HttpStatus.BAD_REQUEST, "The body is not readable CSV");
		}
	}

	private static String decode(byte[] body) {
		try {
			var text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new SheetException(HttpStatus.BAD_REQUEST,
					"The sheet is not UTF-8 text; save it as \"CSV UTF-8\" and send it again");
		}
	}

}
