package org.kvali.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Attendance workbooks for tests. */
final class Workbooks {

	private Workbooks() {
	}

	/**
	 * A worksheet of the attendance header and these rows (comma-separated, as in a CSV sheet), each cell as text,
	 * empty cells left out; a test may then write other cells over them.
	 */
	static Worksheet attendance(Workbook workbook, List<String> rows) {
		var sheet = workbook.newWorksheet("Attendance");
		var lines = new ArrayList<String>();
		lines.add(AttendanceImportTest.HEADER.trim());
		lines.addAll(rows);
		for (int r = 0; r < lines.size(); r++) {
			var cells = lines.get(r).trim().split(",", -1);
			for (int c = 0; c < cells.length; c++) {
				if (!cells[c].isEmpty()) {
					sheet.value(r, c, cells[c]);
				}
			}
		}
		return sheet;
	}

	/** The file of a workbook of the attendance sheet of these rows. */
	static byte[] written(List<String> rows) throws IOException {
		return written(workbook -> {
		}, rows, sheet -> {
		});
	}

	/** The file of a workbook of the attendance sheet of these rows, {@code edit} applied to it. */
	static byte[] written(List<String> rows, Consumer<Worksheet> edit) throws IOException {
		return written(workbook -> {
		}, rows, edit);
	}

	/** The file of a workbook whose sheets {@code before} adds come before the attendance sheet of these rows. */
	static byte[] written(Consumer<Workbook> before, List<String> rows) throws IOException {
		return written(before, rows, sheet -> {
		});
	}

	/** The file of a workbook of the sheets {@code before} adds, then the attendance sheet, {@code edit} applied to it. */
	static byte[] written(Consumer<Workbook> before, List<String> rows, Consumer<Worksheet> edit)
			throws IOException {
		var out = new ByteArrayOutputStream();
		var workbook = new Workbook(out, "Kvali tests", "1.0");
		before.accept(workbook);
		edit.accept(attendance(workbook, rows));
		workbook.finish();
		return out.toByteArray();
	}

	/** The workbook {@code xlsx} with {@code change} applied to its file {@code part} (which it leaves out if null). */
	static byte[] rewritten(byte[] xlsx, String part, UnaryOperator<String> change) throws Exception {
		var file = Files.createTempFile("kvali-workbook", ".xlsx");
		try {
			Files.write(file, xlsx);
			var out = new ByteArrayOutputStream();
			try (var in = new ZipFile(file.toFile()); var zip = new ZipOutputStream(out)) {
				for (var entry : java.util.Collections.list(in.entries())) {
					var bytes = in.getInputStream(entry).readAllBytes();
					if (entry.getName().equals(part)) {
						var changed = change.apply(new String(bytes, StandardCharsets.UTF_8));
						if (changed == null) {
							// the part left out
							continue;
						}
						bytes = changed.getBytes(StandardCharsets.UTF_8);
					}
					zip.putNextEntry(new ZipEntry(entry.getName()));
					zip.write(bytes);
					zip.closeEntry();
				}
			}
			return out.toByteArray();
		}
		finally {
			Files.delete(file);
		}
	}

}
