package org.kvali.intake;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import org.springframework.http.HttpStatus;

/**
 * An .xlsx is a zip. Before a reader inflates it, this one does, as the reader will (its entries by the zip's central
 * directory: a file whose local entries told another story passed a walk of those), counting: a body that is no zip,
 * or that inflates past the limit (a zip bomb), or whose XML holds what no spreadsheet writes ({@link XmlPartLimits},
 * {@link XlsxValues}), is refused without being parsed.
 */
final class ZipGuard {

	private static final int MAX_ENTRIES = 10_000;

	private ZipGuard() {
	}

	/** What is read of one part's stream. */
	interface PartReader<T> {

		T read(InputStream in) throws IOException;

	}

	/**
	 * One part of the package read by {@code reader}, found as the guard and the workbook's reader find it (by the
	 * zip's central directory; where no entry has its name, the first whose name differs in case alone); null when
	 * there is none.
	 */
	static <T> T part(byte[] body, String name, PartReader<T> reader) throws IOException {
		try (var zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(body)).get()) {
			var entry = entry(zip, name);
			if (entry == null) {
				return null;
			}
			try (var in = zip.getInputStream(entry)) {
				return reader.read(in);
			}
		}
	}

	/** Refuses the body, or returns the parts with cells of type d, a date as ISO text ({@link IsoDateCells}). */
	static Set<String> check(byte[] body, long maxInflated, int maxRows) {
		SheetFormat.notXls(body);
		var inflated = new long[1];
		var values = new XlsxValues(maxRows);
		try (var zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(body)).get()) {
			var entries = Collections.list(zip.getEntries());
			if (entries.isEmpty()) {
				throw notXlsx();
			}
			if (entries.size() > MAX_ENTRIES) {
				throw bomb();
			}
			var sharedStrings = sharedStrings(zip);
			for (var entry : entries) {
				read(zip, entry, sharedStrings != null && entry.getName().equals(sharedStrings.getName()), values,
						inflated, maxInflated);
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw notXlsx();
		}
		values.check();
		return values.dated();
	}

	/**
	 * The entry holding the shared strings, as the reader finds it ({@link WorkbookParts#named}; a small
	 * [Content_Types].xml only), else where Excel puts them (bounded though the reader reads no other); null for none.
	 */
	private static ZipArchiveEntry sharedStrings(ZipFile zip) throws IOException {
		var types = entry(zip, "[Content_Types].xml");
		String name = null;
		if (types != null && types.getSize() >= 0 && types.getSize() < 1_000_000) {
			try (var in = zip.getInputStream(types)) {
				name = WorkbookParts.named(new ByteArrayInputStream(in.readNBytes(1_000_000))).sharedStrings();
			}
		}
		return entry(zip, name == null ? "xl/sharedStrings.xml" : name);
	}

	/** The entry of the name, else the first whose name differs in case alone, as the reader finds it; else null. */
	private static ZipArchiveEntry entry(ZipFile zip, String name) {
		var entry = zip.getEntry(name);
		return entry != null ? entry : Collections.list(zip.getEntries())
			.stream()
			.filter(other -> other.getName().equalsIgnoreCase(name))
			.findFirst()
			.orElse(null);
	}

	/** Inflates one entry through the byte bounds, and reads it as XML where it is. */
	private static void read(ZipFile zip, ZipArchiveEntry entry, boolean sharedStrings, XlsxValues values,
			long[] inflated, long maxInflated) throws IOException {
		var limits = new XmlPartLimits(entry.getName(), sharedStrings);
		try (var in = new BufferedInputStream(new Bounded(zip.getInputStream(entry), limits, inflated, maxInflated),
				1 << 16)) {
			in.mark(1 << 16);
			var head = in.readNBytes(4096);
			in.reset();
			if (XmlPartLimits.inUtf32(head)) {
				throw XmlPartLimits.refused(entry.getName() + " is written in UTF-32, which no spreadsheet program"
						+ " writes");
			}
			// read as XML unless it surely is none: a part of white space first (4 KB of it) is read too
			if (!Boolean.FALSE.equals(XmlPartLimits.startsAsXml(head, 0, head.length)) && head.length > 0) {
				values.read(entry.getName(), in, sharedStrings);
			}
			in.transferTo(OutputStream.nullOutputStream());
		}
	}

	/** An entry's bytes, counted against the limit and fed to its part's bounds as they are read. */
	private static final class Bounded extends FilterInputStream {

		private final XmlPartLimits limits;

		private final long[] inflated;

		private final long maxInflated;

		Bounded(InputStream in, XmlPartLimits limits, long[] inflated, long maxInflated) {
			super(in);
			this.limits = limits;
			this.inflated = inflated;
			this.maxInflated = maxInflated;
		}

		@Override
		public int read() throws IOException {
			var one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			if (read > 0) {
				this.inflated[0] += read;
				if (this.inflated[0] > this.maxInflated) {
					throw bomb();
				}
				this.limits.feed(buffer, offset, read);
			}
			return read;
		}

	}

	private static SheetException bomb() {
		return new SheetException(HttpStatus.BAD_REQUEST,
				"The .xlsx file unpacks to far more than a sheet of this size can hold; it is refused as a zip bomb");
	}

	private static SheetException notXlsx() {
		return new SheetException(HttpStatus.BAD_REQUEST, "The body is not an .xlsx workbook (it is not a zip file)");
	}

}
