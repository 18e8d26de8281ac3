package org.kvali.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;

import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

import org.springframework.http.HttpStatus;

/**
 * An .xlsx is a zip. Before a reader inflates it, this one does, counting: a body that is no zip, or that inflates
 * past the limit (a zip bomb), or whose XML holds what no spreadsheet writes ({@link XmlPartLimits}), is refused
 * without being parsed.
 */
final class ZipGuard {

	private static final int MAX_ENTRIES = 10_000;

	private ZipGuard() {
	}

	static void check(byte[] body, long maxInflated) {
		SheetFormat.notXls(body);
		long inflated = 0;
		var parts = new ArrayList<XmlPartLimits>();
		int entries = 0;
		var buffer = new byte[64 * 1024];
		// commons-compress (already here for the xlsx reader) reads stored entries with data descriptors, as some
		// spreadsheet writers make them; java.util.zip refuses those.
		try (var zip = new ZipArchiveInputStream(new ByteArrayInputStream(body), "UTF-8", true, true)) {
			for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (++entries > MAX_ENTRIES) {
					throw bomb();
				}
				var limits = new XmlPartLimits(entry.getName());
				parts.add(limits);
				for (int read = zip.read(buffer); read >= 0; read = zip.read(buffer)) {
					inflated += read;
					if (inflated > maxInflated) {
						throw bomb();
					}
					limits.feed(buffer, read);
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw notXlsx();
		}
		if (entries == 0) {
			throw notXlsx();
		}
		long strings = parts.stream().mapToLong(XmlPartLimits::strings).sum();
		long highest = parts.stream().mapToLong(XmlPartLimits::highestIndex).max().orElse(-1);
		if (highest >= strings) {
			throw new SheetException(HttpStatus.BAD_REQUEST, "The .xlsx file is refused as damaged or made up: a cell"
					+ " names shared string " + highest + " (counted from 0), and the workbook holds " + strings
					+ "; open it in a spreadsheet program and save it again, or send the sheet as CSV");
		}
	}

	private static SheetException bomb() {
		return new SheetException(HttpStatus.BAD_REQUEST,
				"The .xlsx file unpacks to far more than a sheet of this size can hold; it is refused as a zip bomb");
	}

	private static SheetException notXlsx() {
		return new SheetException(HttpStatus.BAD_REQUEST, "The body is not an .xlsx workbook (it is not a zip file)");
	}

}
