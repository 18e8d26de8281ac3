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
		return copied(xlsx, file -> {
			if (!file.name().equals(part)) {
				return file;
			}
			var changed = change.apply(new String(file.bytes(), StandardCharsets.UTF_8));
			// null: the part left out
			return changed == null ? null : new Part(part, changed.getBytes(StandardCharsets.UTF_8));
		});
	}

	/** The workbook {@code xlsx} with its file {@code from} named {@code to}. */
	static byte[] moved(byte[] xlsx, String from, String to) throws Exception {
		return copied(xlsx, file -> file.name().equals(from) ? new Part(to, file.bytes()) : file);
	}

	/** A file of a workbook's package. */
	private record Part(String name, byte[] bytes) {
	}

	/** The workbook {@code xlsx}, each of its files as {@code change} gives it (leaving it out where null). */
	private static byte[] copied(byte[] xlsx, UnaryOperator<Part> change) throws Exception {
		var file = Files.createTempFile("kvali-workbook", ".xlsx");
		try {
			Files.write(file, xlsx);
			var out = new ByteArrayOutputStream();
			try (var in = new ZipFile(file.toFile()); var zip = new ZipOutputStream(out)) {
				for (var entry : java.util.Collections.list(in.entries())) {
					var part = change.apply(new Part(entry.getName(), in.getInputStream(entry).readAllBytes()));
					if (part != null) {
						zip.putNextEntry(new ZipEntry(part.name()));
						zip.write(part.bytes());
						zip.closeEntry();
					}
				}
			}
			return out.toByteArray();
		}
		finally {
			Files.delete(file);
		}
	}

}
