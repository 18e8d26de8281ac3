package org.kvali.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A form's file read as it arrives, in pieces of any size, its boundary looked for across them. */
class FormSheetTest {

	private static final String TYPE = "multipart/form-data; boundary=\"a-b\"";

	@Test
	void theFileIsReadWholeThoughItHoldsMostOfItsBoundaryAndArrivesAFewBytesAtATime() throws IOException {
		// more than the buffer, with the delimiter's first bytes inside it again and again
		var file = ("row,with\r\n--a-,near\r\n--a\r\n-".repeat(5_000) + "end").getBytes(StandardCharsets.UTF_8);
		var body = concat("preamble\r\n--a-b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.csv\"\r\n"
				+ "Content-Type: text/csv; charset=utf-8\r\n\r\n", file, "\r\n--a-b--\r\nepilogue");
		var form = FormSheet.open(new Trickle(body, 7), TYPE);
		assertThat(form.readAllBytes()).isEqualTo(file);
		assertThat(form.fileName()).isEqualTo("s.csv");
		assertThat(form.contentType()).isEqualTo("text/csv; charset=utf-8");
	}

	@Test
	void aFileOfNoTypeIsOfItsNamesAndItsNameHasNoFolder() throws IOException {
		var form = FormSheet.open(new ByteArrayInputStream(("--a-b\r\nContent-Disposition: form-data; name=\"f\";"
				+ " filename=\"C:\\Users\\nino\\March.XLSX\"\r\nContent-Type: application/octet-stream\r\n\r\nPK\r\n"
				+ "--a-b--\r\n").getBytes(StandardCharsets.UTF_8)), "multipart/form-data; boundary=a-b");
		assertThat(form.fileName()).isEqualTo("March.XLSX");
		assertThat(form.contentType()).isEqualTo(SheetFormat.XLSX_TYPE);
		assertThat(form.readAllBytes()).containsExactly('P', 'K');
	}

	@Test
	void aFieldBesideTheFileOrAFormCutShortIsRefused() {
		assertThatThrownBy(() -> FormSheet.open(stream("--a-b\r\nContent-Disposition: form-data; name=\"dryRun\""
				+ "\r\n\r\ntrue\r\n--a-b--\r\n"), TYPE))
			.isInstanceOf(SheetException.class)
			.hasMessage("The form's field 'dryRun' is not read, and comes before the file: give dryRun and name in the"
					+ " address (?dryRun=true&name=...) and the sheet alone in the form");
		assertThatThrownBy(() -> FormSheet.open(stream("--a-b\r\nContent-Disposition: form-data; name=\"f\";"
				+ " filename=\"s.csv\"\r\n\r\na,b\r\n--a-b\r\nContent-Disposition: form-data; name=\"dryRun\"\r\n\r\n"
				+ "true\r\n--a-b--\r\n"), TYPE).readAllBytes())
			.isInstanceOf(SheetException.class)
			.hasMessageStartingWith("The form holds more than the sheet after it");
		assertThatThrownBy(() -> FormSheet.open(stream("--a-b\r\nContent-Disposition: form-data; name=\"f\";"
				+ " filename=\"s.csv\"\r\n\r\na,b\r\n"), TYPE).readAllBytes())
			.isInstanceOf(SheetException.class)
			.hasMessage("The form ends before its file does: send it again whole");
		assertThatThrownBy(() -> FormSheet.open(stream("--a-b--\r\n"), TYPE))
			.isInstanceOf(SheetException.class)
			.hasMessage("The form holds no file: attach the sheet (curl -F file=@sheet.csv)");
		assertThatThrownBy(() -> FormSheet.open(stream("a,b\r\n"), TYPE))
			.isInstanceOf(SheetException.class)
			.hasMessage("The body is no form of the boundary its type gives");
		assertThatThrownBy(() -> FormSheet.boundary("multipart/form-data; charset=utf-8"))
			.isInstanceOf(SheetException.class)
			.hasMessage("The form's type gives no boundary between its parts (multipart/form-data; boundary=...)");
	}

	/**
	 * A Georgian name as some clients escape it alone, a type no sheet's beside a name that is, a browser's form of no
	 * file chosen, a type of control characters, a header line without its end sent a byte at a time (each byte
	 * looked at once: looked at again at each read, it took a core for minutes, a review's), and a file encoded.
	 */
	@Test
	void namesAndTypesAsClientsWriteThemAndHeadersWithoutEnd() throws IOException {
		var form = FormSheet.open(stream("--a-b\r\nContent-Disposition: form-data; name=\"f\"; filename*=UTF-8''"
				+ "%E1%83%9B%E1%83%90%E1%83%A0%E1%83%A2%E1%83%98.csv\r\nContent-Type: text/x-csv\r\n\r\na\r\n--a-b--"),
				TYPE);
		assertThat(form.fileName()).isEqualTo("მარტი.csv");
		assertThat(form.contentType()).isEqualTo("text/csv");
		assertThatThrownBy(() -> FormSheet.open(stream("--a-b\r\nContent-Disposition: form-data; name=\"f\";"
				+ " filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--a-b--\r\n"), TYPE))
			.hasMessage("The form holds no file: attach the sheet (curl -F file=@sheet.csv)");
		assertThatThrownBy(() -> FormSheet.open(stream("--a-b\r\nContent-Disposition: form-data; name=\"f\";"
				+ " filename=\"s.csv\"\r\nContent-Type: text/csv;\u0000\r\n\r\na\r\n--a-b--\r\n"), TYPE))
			.hasMessage("The form gives its file a type that is none: text/csv;\\u0000");
		var endless = ("--a-b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"" + "x".repeat(200_000))
			.getBytes(StandardCharsets.US_ASCII);
		assertThatThrownBy(() -> FormSheet.open(new Trickle(endless, 1), TYPE))
			.hasMessage("The form's part has no end of its headers (lines end with CR LF)");
		// many lines, each short: the part's headers together are bounded
		var many = ("--a-b\r\n" + "X-Note: n\r\n".repeat(7_000)).getBytes(StandardCharsets.US_ASCII);
		assertThatThrownBy(() -> FormSheet.open(new Trickle(many, 7), TYPE))
			.hasMessage("The form's part has headers of more than 64 KB");
		assertThatThrownBy(() -> FormSheet.open(stream("--a-b\r\nContent-Disposition: form-data; name=\"f\";"
				+ " filename*=UTF-8''%E1%8\r\n\r\na\r\n--a-b--"), TYPE))
			.hasMessage("The form's file name is escaped wrongly: %E1%8");
		assertThatThrownBy(() -> FormSheet.boundary("multipart/form-data; boundary=" + "b".repeat(71)))
			.hasMessageStartingWith("The form's type gives no boundary");
		// a file in base64 is refused, not read as a sheet; one said to be sent as it is, read
		var encoded = "--a-b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"s.csv\"\r\n"
				+ "Content-Transfer-Encoding: %s\r\n\r\nYSxi\r\n--a-b--\r\n";
		assertThatThrownBy(() -> FormSheet.open(stream(encoded.formatted("Base64")), TYPE))
			.hasMessage("The form sends its file in the encoding Base64, which is not read: send the file as it is");
		assertThat(FormSheet.open(stream(encoded.formatted("binary")), TYPE).readAllBytes())
			.isEqualTo("YSxi".getBytes(StandardCharsets.US_ASCII));
	}

	private static InputStream stream(String body) {
		return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] concat(String before, byte[] file, String after) {
		var head = before.getBytes(StandardCharsets.UTF_8);
		var tail = after.getBytes(StandardCharsets.UTF_8);
		var all = new byte[head.length + file.length + tail.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(file, 0, all, head.length, file.length);
		System.arraycopy(tail, 0, all, head.length + file.length, tail.length);
		return all;
	}

	/** A body arriving 1 to {@code most} bytes at a time. */
	private static final class Trickle extends InputStream {

		private final byte[] bytes;

		private final int most;

		private int at;

		Trickle(byte[] bytes, int most) {
			this.bytes = bytes;
			this.most = most;
		}

		@Override
		public int read() {
			return this.at < this.bytes.length ? this.bytes[this.at++] & 0xff : -1;
		}

		@Override
		public int read(byte[] into, int offset, int length) {
			if (this.at >= this.bytes.length) {
				return -1;
			}
			int n = Math.min(Math.min(length, 1 + this.at % this.most), this.bytes.length - this.at);
			System.arraycopy(this.bytes, this.at, into, offset, n);
			this.at += n;
			return n;
		}

	}

}
