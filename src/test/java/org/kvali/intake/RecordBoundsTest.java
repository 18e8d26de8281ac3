package org.kvali.intake;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A CSV record's bound: 262,144 characters, or 32 cells of a longer cell setting. */
class RecordBoundsTest {

	@Test
	void theBoundFollowsALongCellSetting() throws IOException {
		assertThat(RecordBounds.most(500)).isEqualTo(262_144);
		assertThat(RecordBounds.most(10_000)).isEqualTo(320_000);
		assertThat(RecordBounds.most(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
		// a header, then a row of 16 cells of 18,000 characters, which a setting of 20,000 lets be
		var row = "a".repeat(18_000) + (",".concat("a".repeat(18_000))).repeat(15);
		var sheet = "h\n" + row + "\n";
		assertThat(readAll(new RecordBounds(new StringReader(sheet), ',', RecordBounds.most(20_000))))
			.isEqualTo(sheet.length());
		assertThatThrownBy(() -> readAll(new RecordBounds(new StringReader(sheet), ',', RecordBounds.most(500))))
			.isInstanceOf(SheetException.class)
			.hasMessageStartingWith("The row beginning on line 2 of the file holds more than 262144 characters");
	}

	private static int readAll(Reader reader) throws IOException {
		var buffer = new char[8192];
		int read = 0;
		for (int n; (n = reader.read(buffer, 0, buffer.length)) >= 0;) {
			read += n;
		}
		return read;
	}

}
