package org.kvali.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Finds the start tags of a few elements in an XML part as it streams, without parsing the rest: a worksheet's rows,
 * merged ranges and columns among its millions of cells. Three regular expressions over the text took 1.34 to 1.49 s of
 * the 3.0 to 3.5 s a workbook of 200,000 rows (107 MB of XML) took to read; looking at each {@code <} alone, 0.22 to
 * 0.27 s, 0.09 s of it inflating the part ({@link XmlScanner}).
 */
final class XmlStartTags extends XmlScanner {

	/** The longest local name looked at; a longer one is none of those sought. */
	private static final int LONGEST_NAME = 64;

	private XmlStartTags(InputStream in) {
		super(in);
	}

	/**
	 * Gives {@code found} each start tag (or empty element) of the local names {@code names}, whatever their prefix:
	 * the name and the tag's text from its {@code <} to its {@code >}, read as ISO-8859-1 (the attributes sought are
	 * ASCII).
	 */
	static void scan(InputStream in, Set<String> names, BiConsumer<String, String> found) throws IOException {
		new XmlStartTags(in).scan(names, found);
	}

	private void scan(Set<String> names, BiConsumer<String, String> found) throws IOException {
		// a name of another length is not looked up: a sheet's millions of cells' tags are one or two letters long
		var lengths = new boolean[LONGEST_NAME + 1];
		names.forEach(name -> lengths[Math.min(name.length(), LONGEST_NAME)] = true);
		while (skipTo('<')) {
			this.mark = this.position++;
			int c = peek();
			if (c == '/') {
				// an end tag
				this.mark = -1;
				continue;
			}
			if (c == '!' || c == '?') {
				skipMarkup();
				continue;
			}
			int local = localName();
			int length = this.position - this.mark - local;
			if (length <= LONGEST_NAME && lengths[length]) {
				var name = new String(this.buffer, this.mark + local, length, StandardCharsets.ISO_8859_1);
				if (names.contains(name)) {
					toTagEnd();
					found.accept(name, new String(this.buffer, this.mark, this.position - this.mark,
							StandardCharsets.ISO_8859_1));
				}
			}
			this.mark = -1;
		}
	}

}
