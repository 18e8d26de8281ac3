package org.kvali.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XmlStartTagsTest {

	private static final String PART = """
			<?xml version="1.0"?><x:worksheet xmlns:x="main"><x:cols><x:col min="2" max="3" hidden="1"/></x:cols>
			<x:sheetData><x:row r="1" spans="1:2"><x:c r="A1" t="inlineStr"><x:is><x:t>a &lt;row r="9"&gt;</x:t></x:is></x:c></x:row>
			<!-- <row r="7"> a comment's --><x:rowBreaks/><x:rows/>
			<x:row r="2" ht="0"><x:c r="A2" t="inlineStr"><x:is><x:t><![CDATA[<row r="8"> ]]]></x:t></x:is></x:c></x:row>
			<x:row r="3" note='a > b'/><row r="4"/></x:sheetData><mergeCells><mergeCell ref="A2:A3"/></mergeCells>
			</x:worksheet>""";

	/** Each row's, column's and range's tag, whatever its prefix, and none written in a text, comment or section. */
	@Test
	void findsTheTagsOfTheElementsSoughtAndNoneInsideOthers() throws IOException {
		var expected = List.of("row <x:row r=\"1\" spans=\"1:2\">", "row <x:row r=\"2\" ht=\"0\">",
				"row <x:row r=\"3\" note='a > b'/>", "row <row r=\"4\"/>", "mergeCell <mergeCell ref=\"A2:A3\"/>");
		assertThat(tags(new ByteArrayInputStream(bytes(PART)), Set.of("row", "mergeCell"))).isEqualTo(expected);
		// read a few bytes at a time, so that a refill falls inside every name, tag, comment and section
		for (int most = 1; most <= 13; most++) {
			assertThat(tags(trickle(bytes(PART), most), Set.of("row", "mergeCell"))).isEqualTo(expected);
		}
		assertThat(tags(new ByteArrayInputStream(bytes(PART)), Set.of("col")))
			.containsExactly("col <x:col min=\"2\" max=\"3\" hidden=\"1\"/>");
		// a prefix of any length; a local name longer than any sought is none of them
		var prefix = "p".repeat(100);
		assertThat(tags(trickle(bytes("<" + prefix + ":row r=\"1\"/><" + prefix + "row/><row" + prefix + "/>"), 7),
				Set.of("row"))).containsExactly("row <" + prefix + ":row r=\"1\"/>");
	}

	/** A tag longer than the buffer is read whole, and the tags after it are found. */
	@Test
	void aTagLongerThanTheBufferIsReadWhole() throws IOException {
		var note = "n".repeat(200_000);
		var part = "<sheetData>" + "<c><v>1</v></c>".repeat(10_000) + "<row r=\"1\" note=\"" + note + "\">"
				+ "<c><v>1</v></c>".repeat(10_000) + "</row><row r=\"2\"></row></sheetData>";
		assertThat(tags(trickle(bytes(part), 5_000), Set.of("row")))
			.containsExactly("row <row r=\"1\" note=\"" + note + "\">", "row <row r=\"2\">");
	}

	/** A comment or section left open hides the rest; a part cut inside a tag gives the tag as far as it goes. */
	@Test
	void aPartEndingInsideMarkupEndsTheScan() throws IOException {
		assertThat(tags(new ByteArrayInputStream(bytes("<row r=\"1\"/><!-- <row r=\"2\"/>")), Set.of("row")))
			.containsExactly("row <row r=\"1\"/>");
		assertThat(tags(new ByteArrayInputStream(bytes("<row r=\"1\"/><row r=\"2")), Set.of("row")))
			.containsExactly("row <row r=\"1\"/>", "row <row r=\"2");
	}

	private static List<String> tags(InputStream in, Set<String> names) throws IOException {
		var found = new ArrayList<String>();
		XmlStartTags.scan(in, names, (name, tag) -> found.add(name + " " + tag));
		return found;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** A stream giving at most {@code most} bytes a read. */
	private static InputStream trickle(byte[] bytes, int most) {
		return new ByteArrayInputStream(bytes) {
			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, most));
			}
		};
	}

}
