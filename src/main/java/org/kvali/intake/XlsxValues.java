package org.kvali.intake;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.aalto.stax.InputFactoryImpl;

import org.kvali.graphql.Text;

import org.springframework.http.HttpStatus;

/**
 * The values of an .xlsx read as the workbook reader reads them (the same XML parser, the same zip entries), before
 * it does: a cell's or shared string's text across its child elements (the reader joins them: a value of 3 MB passed
 * a count of each text alone), and the shared strings the cells name (an index past them had the reader fill the
 * heap from a 2 KB file). The bytes were bounded before ({@link XmlPartLimits}): no text event here is large.
 */
final class XlsxValues {

	/** The most characters of one cell (a value, a formula) or shared string, its parts together: Excel's, twice. */
	static final int MAX_VALUE_CHARS = 100_000;

	/** The most shared strings, which the reader holds whole: more small ones than eight a row fill the heap. */
	static final long MAX_SHARED_STRINGS = 2_000_000;

	/**
	 * The most cells of one row. An attendance sheet has sixteen columns, and spreadsheet programs write a cell only
	 * where something is: a workbook of 16,000 columns (477 MB unpacked) kept a load's turn for 23 s, read whole.
	 */
	static final int MAX_ROW_CELLS = 2_000;

	/**
	 * The most cells of a workbook, by the rows a sheet may have: as many columns, twice an attendance sheet's. Rows
	 * of 1,990 columns passed the bound of a row, and one workbook of 515 MB unpacked took 35 s, four held every
	 * load's turn for two minutes (a retest's).
	 */
	static final int CELLS_PER_ROW = 32;

	/**
	 * The deepest an element of a part lies: a worksheet's values lie at depth 4, a drawing's within 20. The parser
	 * holds each open element: a part of one element in another, 60 million deep (180 MB, 200 KB zipped), ran the
	 * service out of memory (a review's).
	 */
	static final int MAX_DEPTH = 64;

	/**
	 * The most array formulas of a workbook: the reader looks each number cell up among all of them, and 40,000 took
	 * 30 s to read (a review's); a thousand would beside the 8 million cells a workbook may have. An attendance sheet
	 * holds none.
	 */
	static final int MAX_ARRAY_FORMULAS = 100;

	/** The most rows of a sheet, a spreadsheet's: rows without cells are counted by nothing else. */
	static final int MAX_ROWS = 1 << 20;

	/**
	 * The most sheets of a workbook, and characters of a sheet's name (Excel's are 31): the reader keeps every name,
	 * and reads each sheet's first rows; 1,000 sheets of names of 1 MB held a gigabyte (a review's).
	 */
	static final int MAX_SHEETS = 1_000;

	static final int MAX_SHEET_NAME = 255;

	/** The parser the workbook reader uses, without DTDs or external entities; {@link WorkbookParts} reads with it. */
	static final XMLInputFactory XML = new InputFactoryImpl();

	static {
		XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
	}

	private final long maxCells;

	/** The rows' cells of the workbook's parts read so far. */
	private long cells;

	private long strings;

	private long highestIndex = -1;

	private int arrayFormulas;

	private int sheets;

	/** The parts with cells of type d, a date as ISO text ({@link IsoDateCells}). */
	private final Set<String> dated = new HashSet<>();

	/** The values of a workbook of at most {@code maxRows} rows ({@link #CELLS_PER_ROW} cells each, at most). */
	XlsxValues(int maxRows) {
		this.maxCells = (long) maxRows * CELLS_PER_ROW;
	}

	/** Reads one XML part; {@code sharedStrings} when it is the part the workbook names for them. */
	void read(String part, InputStream in, boolean sharedStrings) {
		try {
			var xml = XML.createXMLStreamReader(in);
			var encoding = xml.getEncoding();
			if (encoding != null && !StandardCharsets.UTF_8.name().equalsIgnoreCase(encoding)) {
				throw XmlPartLimits.refused(part + " is in " + encoding + ", where spreadsheet programs write UTF-8");
			}
			values(part, xml, sharedStrings);
		}
		catch (XMLStreamException ex) {
			throw new SheetException(HttpStatus.BAD_REQUEST, "The body is not a readable .xlsx workbook");
		}
	}

	private void values(String part, XMLStreamReader xml, boolean sharedStrings) throws XMLStreamException {
		int depth = 0;
		int valueDepth = -1;
		long text = 0;
		boolean sharedCell = false;
		StringBuilder index = null;
		int cells = 0;
		int rowDepth = -1;
		int rows = 0;
		int sheetsDepth = -1;
		String row = null;
		while (xml.hasNext()) {
			switch (xml.next()) {
				case XMLStreamConstants.START_ELEMENT -> {
					if (++depth > MAX_DEPTH) {
						throw XmlPartLimits.refused(part + " nests elements more than " + MAX_DEPTH + " deep, where a"
								+ " spreadsheet program's lie within 20");
					}
					var name = xml.getLocalName();
					// a row within a row is not one of its own: the reader reads the outer's cells on to the first end
					if (name.equals("row") && rowDepth < 0) {
						if (++rows > MAX_ROWS) {
							throw XmlPartLimits.refused(part + " has more than " + MAX_ROWS + " rows, the most a"
									+ " spreadsheet's sheet has");
						}
						cells = 0;
						rowDepth = depth;
						row = xml.getAttributeValue(null, "r");
					}
					// a row's cells, not a calculation chain's (a c of each formula's cell, in no row), at any depth
					// within the row, as the reader finds them; it makes a row's list of cells as long as its last
					// cell's column (r="ZZZZZZ1" asked for 321 million: a review's)
					else if (name.equals("c") && rowDepth >= 0 && depth > rowDepth
							&& (++cells > MAX_ROW_CELLS || ++this.cells > this.maxCells
									|| column(xml.getAttributeValue(null, "r")) > MAX_ROW_CELLS)) {
						throw this.cells > this.maxCells ? large() : wide(part, row);
					}
					else if (name.equals("sheets")) {
						sheetsDepth = depth;
					}
					else if (name.equals("sheet") && sheetsDepth == depth - 1) {
						// a workbook's list of its sheets, not another part's elements of that name
						sheet(part, xml.getAttributeValue(null, "name"));
					}
					else if (name.equals("f") && "array".equals(xml.getAttributeValue(null, "t"))
							&& ++this.arrayFormulas > MAX_ARRAY_FORMULAS) {
						throw new SheetException(HttpStatus.PAYLOAD_TOO_LARGE, "The workbook has more than "
								+ MAX_ARRAY_FORMULAS + " array formulas, which an attendance sheet has no use for: copy"
								+ " the table, and paste its values alone into a new workbook");
					}
					boolean string = sharedStrings && depth == 2 && name.equals("si");
					if (valueDepth < 0 && (string || name.equals("c"))) {
						valueDepth = depth;
						text = 0;
						if (string && ++this.strings > MAX_SHARED_STRINGS) {
							throw XmlPartLimits.refused("Its shared strings (" + part + ") are more than "
									+ MAX_SHARED_STRINGS + ", far more than an attendance sheet holds");
						}
						var type = name.equals("c") ? xml.getAttributeValue(null, "t") : null;
						sharedCell = "s".equals(type);
						if ("d".equals(type)) {
							this.dated.add(part);
						}
					}
					else if (sharedCell && depth == valueDepth + 1 && name.equals("v")) {
						index = new StringBuilder();
					}
				}
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					if (valueDepth >= 0 && (text += xml.getTextLength()) > MAX_VALUE_CHARS) {
						throw XmlPartLimits.tooLong(part);
					}
					if (index != null && index.length() < 32) {
						index.append(xml.getTextCharacters(), xml.getTextStart(), Math.min(32, xml.getTextLength()));
					}
				}
				case XMLStreamConstants.END_ELEMENT -> {
					if (index != null && depth == valueDepth + 1) {
						shared(index.toString());
						index = null;
					}
					if (depth == valueDepth) {
						valueDepth = -1;
						sharedCell = false;
					}
					if (depth == rowDepth) {
						rowDepth = -1;
					}
					depth--;
				}
				default -> {
				}
			}
		}
	}

	/** Counts a sheet the workbook's part names, and checks its name's length. */
	private void sheet(String part, String name) {
		if (++this.sheets > MAX_SHEETS) {
			throw new SheetException(HttpStatus.PAYLOAD_TOO_LARGE, "The workbook has more than " + MAX_SHEETS
					+ " sheets: copy the sheet of attendance alone into a new workbook");
		}
		if (name != null && name.length() > MAX_SHEET_NAME) {
			throw XmlPartLimits.refused(part + " names a sheet of more than " + MAX_SHEET_NAME + " characters, where"
					+ " Excel's have at most 31");
		}
	}

	/**
	 * The column of a cell's reference ("AB12", "$ab$12" are 28), counted no further than past {@link #MAX_ROW_CELLS};
	 * 0 without one (the reader places such a cell after the one before). A reference with another character before
	 * its digits ("~1"), which the reader cannot read, is taken as past every column.
	 */
	private static int column(String reference) {
		int column = 0;
		for (int i = 0; reference != null && i < reference.length() && column <= MAX_ROW_CELLS; i++) {
			char c = Character.toUpperCase(reference.charAt(i));
			if (c >= '0' && c <= '9') {
				break;
			}
			if (c != '$') {
				column = c >= 'A' && c <= 'Z' ? column * 26 + c - 'A' + 1 : MAX_ROW_CELLS + 1;
			}
		}
		return column;
	}

	private SheetException large() {
		return new SheetException(HttpStatus.PAYLOAD_TOO_LARGE, "The workbook has more than " + this.maxCells
				+ " cells, " + CELLS_PER_ROW + " for each of the " + this.maxCells / CELLS_PER_ROW + " rows a sheet may"
				+ " have: delete what lies right of or below the table, or split it into smaller sheets");
	}

	private static SheetException wide(String part, String row) {
		return new SheetException(HttpStatus.PAYLOAD_TOO_LARGE, "Row" + (row == null ? "" : " " + Text.preview(row, 10))
				+ " of " + part + " has more than "
				+ MAX_ROW_CELLS + " cells, or one past column " + MAX_ROW_CELLS
				+ ", where an attendance sheet has " + Columns.ALL.size() + " columns: delete"
				+ " the columns right of the table, or copy the table alone into a new workbook");
	}

	/** A cell's shared string's index, as the reader reads it (one it cannot read, it refuses itself). */
	private void shared(String value) {
		try {
			this.highestIndex = Math.max(this.highestIndex, Integer.parseInt(value));
		}
		catch (NumberFormatException ex) {
			// not an index the reader can follow: it refuses the workbook when it reads the cell
		}
	}

	/** The parts read with cells of type d, a date written as ISO text. */
	Set<String> dated() {
		return this.dated;
	}

	/** Refuses a workbook whose cells name a shared string it lacks. */
	void check() {
		if (this.highestIndex >= this.strings) {
			throw XmlPartLimits.refused("a cell names shared string " + this.highestIndex + " (counted from 0), and"
					+ " the workbook holds " + this.strings);
		}
	}

}
