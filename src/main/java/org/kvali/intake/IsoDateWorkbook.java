package org.kvali.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * A workbook whose parts hold cells of type d, written again with those parts passed through {@link IsoDateCells}. Its
 * other entries are copied raw, as they were, so that only the dated parts are inflated and compressed again; those
 * at the best speed, as the copy is read once, by the reader, and dropped.
 */
final class IsoDateWorkbook {

	private IsoDateWorkbook() {
	}

	/**
	 * The workbook with the dated cells of its {@code parts} as day numbers counted from {@code epoch}, those of a
	 * point in time as they were in {@code zone}.
	 */
	static byte[] asNumbers(byte[] body, Set<String> parts, LocalDate epoch, ZoneId zone) throws IOException {
		var out = new ByteArrayOutputStream(body.length);
		try (var zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(body)).get();
				var written = new ZipArchiveOutputStream(out)) {
			written.setLevel(Deflater.BEST_SPEED);
			for (var entry : Collections.list(zip.getEntries())) {
				if (!parts.contains(entry.getName())) {
					written.addRawArchiveEntry(entry, zip.getRawInputStream(entry));
					continue;
				}
				var rewritten = new ZipArchiveEntry(entry.getName());
				rewritten.setMethod(ZipEntry.DEFLATED);
				written.putArchiveEntry(rewritten);
				try (var in = zip.getInputStream(entry)) {
					IsoDateCells.copy(in, written, epoch, zone);
				}
				written.closeArchiveEntry();
			}
		}
		return out.toByteArray();
	}

}
