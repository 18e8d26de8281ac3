package org.kvali.intake;

import java.util.ArrayList;
import java.util.List;

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

}
