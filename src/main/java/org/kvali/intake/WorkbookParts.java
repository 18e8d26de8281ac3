package org.kvali.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Where a workbook's parts are, found as the workbook reader finds them, so that what Kvali reads of a sheet itself
 * (its merged ranges, hidden rows and columns, {@link MergedCells}) and of the workbook (its date system) is of the
 * parts the reader reads: the workbook's part is the one [Content_Types].xml gives its type (else xl/workbook.xml), a
 * sheet's part the target its relationships give it, from the workbook's folder unless it starts with a slash. A
 * workbook whose part was elsewhere than xl/workbook.xml had its 1904 dates read four years and a day early, and its
 * hidden rows loaded as if shown.
 */
final class WorkbookParts {

	private static final Set<String> WORKBOOK_TYPES = Set.of(
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
			"application/vnd.ms-excel.sheet.macroEnabled.main+xml");

	private static final String SHARED_STRINGS_TYPE =
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";

	private static final String STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

	private final byte[] body;

	/** The workbook's part, without a leading slash. */
	private final String workbook;

	private WorkbookParts(byte[] body, String workbook) {
		this.body = body;
		this.workbook = workbook;
	}

	/** The parts of the workbook {@code body}, which the guard has read whole ({@link ZipGuard#check}). */
	static WorkbookParts of(byte[] body) throws IOException {
		var named = ZipGuard.part(body, "[Content_Types].xml", WorkbookParts::named);
		return new WorkbookParts(body, named == null ? "xl/workbook.xml" : named.workbook());
	}

	/** The workbook's and its shared strings' parts, without a leading slash; no shared strings' part is null. */
	record Named(String workbook, String sharedStrings) {
	}

	/**
	 * The parts a package's [Content_Types].xml names, as the reader reads it: its overrides in order, until it has the
	 * workbook's, the shared strings' and the styles'; the workbook's is xl/workbook.xml where none is named.
	 */
	static Named named(InputStream contentTypes) throws IOException {
		var named = new String[3];
		read(contentTypes, xml -> {
			if (xml.getLocalName().equals("Override")) {
				var type = xml.getAttributeValue(null, "ContentType");
				int part = WORKBOOK_TYPES.contains(type) ? 0 : SHARED_STRINGS_TYPE.equals(type) ? 1
						: STYLES_TYPE.equals(type) ? 2 : -1;
				if (part >= 0) {
					named[part] = xml.getAttributeValue(null, "PartName");
				}
			}
			return named[0] == null || named[1] == null || named[2] == null;
		});
		return new Named(withoutSlash(named[0] == null ? "xl/workbook.xml" : named[0]), withoutSlash(named[1]));
	}

	private static String withoutSlash(String name) {
		return name != null && name.startsWith("/") ? name.substring(1) : name;
	}

	/**
	 * The parts of the workbook's relationships, by their ids (r:id in the workbook's part): a sheet's is that of its
	 * id, none where it has none.
	 */
	Map<String, String> sheets() throws IOException {
		int slash = this.workbook.lastIndexOf('/') + 1;
		var folder = this.workbook.substring(0, slash);
		var parts = new HashMap<String, String>();
		read(this.body, folder + "_rels/" + this.workbook.substring(slash) + ".rels", xml -> {
			var target = xml.getLocalName().equals("Relationship") ? xml.getAttributeValue(null, "Target") : null;
			if (target != null) {
				parts.put(xml.getAttributeValue(null, "Id"), target.startsWith("/") ? target.substring(1)
						: folder + target);
			}
			return true;
		});
		return parts;
	}

	/** Whether the workbook counts days in the 1904 system (date1904 "1" or "true", as the reader reads it). */
	boolean date1904() throws IOException {
		var date1904 = new boolean[1];
		read(this.body, this.workbook, xml -> {
			if (xml.getLocalName().equals("workbookPr")) {
				var value = xml.getAttributeValue(null, "date1904");
				date1904[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
			}
			return true;
		});
		return date1904[0];
	}

	/** What is done with each start element of a part; false when the part need not be read further. */
	private interface Elements {

		boolean next(XMLStreamReader xml) throws XMLStreamException;

	}

	/** Gives {@code elements} the start elements of a part, if there is one. */
	private static void read(byte[] body, String name, Elements elements) throws IOException {
		ZipGuard.part(body, name, in -> {
			read(in, elements);
			return null;
		});
	}

	private static void read(InputStream in, Elements elements) throws IOException {
		try {
			var xml = XlsxValues.XML.createXMLStreamReader(in);
			try {
				while (xml.hasNext()) {
					if (xml.next() == XMLStreamConstants.START_ELEMENT && !elements.next(xml)) {
						return;
					}
				}
			}
			finally {
				xml.close();
			}
		}
		catch (XMLStreamException ex) {
			throw new IOException(ex);
		}
	}

}
