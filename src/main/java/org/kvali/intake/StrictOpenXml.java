package org.kvali.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;

/**
 * A workbook saved as Strict Open XML (Excel's "Strict Open XML Spreadsheet"), whose parts name their kinds and
 * relations otherwise: the reader opens it but finds no sheet's part, and the refusal said only that the body was not
 * a readable workbook (a tester's). It is told by the package's relation to its workbook, a small part read before
 * the reader opens the package, so that the refusal can say how to save a workbook Kvali reads.
 */
final class StrictOpenXml {

	/** The relation of a Strict Open XML package to its workbook. */
	private static final String STRICT_DOCUMENT =
			"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

	private StrictOpenXml() {
	}

	/**
	 * Refuses the workbook {@code body} where it is saved as Strict Open XML. A package whose relations cannot be read
	 * passes, for the reader to refuse as no readable workbook.
	 */
	static void check(byte[] body) {
		String relations;
		try {
			relations = part(body, "_rels/.rels");
		}
		catch (IOException | RuntimeException ex) {
			// the reader refuses the package itself
			return;
		}
		if (relations != null && relations.contains(STRICT_DOCUMENT)) {
			throw new SheetException(HttpStatus.BAD_REQUEST, "The workbook is saved as Strict Open XML, which Kvali"
					+ " does not read: open it in a spreadsheet program and save it as an Excel workbook (.xlsx; in"
					+ " Excel, Save As, Excel Workbook)");
		}
	}

	/** A small part of the package (its first megabyte) as text, or null when there is none. */
	private static String part(byte[] body, String name) throws IOException {
		return ZipGuard.part(body, name, in -> new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8));
	}

}
