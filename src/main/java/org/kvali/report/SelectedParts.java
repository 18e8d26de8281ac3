package org.kvali.report;

import java.util.stream.IntStream;

/**
 * Where a scan of selected rows ({@link ActivitySelection#rows}) is cut into parts scanned at once: at about equal
 * shares of the selected rows, each cut moved back to the start of its person, so that a person is in one part only
 * and the parts' distinct persons add up, as {@link ScanParts} cuts a scan of every row.
 */
final class SelectedParts {

	private SelectedParts() {
	}

	/**
	 * The rows' bounds of the parts: one part unless {@code inParts} (groups counted in arrays, which merge, and few
	 * enough for each part to count them all) and the selected rows are at least {@link ScanParts#smallScan}; no part
	 * empty (cuts that fall on one person's start are one).
	 */
	static int[] bounds(FactIndex index, long[] selected, boolean inParts) {
		long all = 0;
		for (long word : selected) {
			all += Long.bitCount(word);
		}
		int parts = !inParts || all == 0 || all < ScanParts.smallScan ? 1 : ScanParts.PARTS;
		var bounds = new int[parts + 1];
		bounds[parts] = index.rows;
		long seen = 0;
		int word = 0;
		for (int part = 1; part < parts; part++) {
			long share = all * part / parts;
			while (seen + Long.bitCount(selected[word]) <= share) {
				seen += Long.bitCount(selected[word++]);
			}
			// the (share - seen)th selected row of this word, counted from 0
			long bits = selected[word];
			for (long skip = share - seen; skip > 0; skip--) {
				bits &= bits - 1;
			}
			int row = (word << 6) + Long.numberOfTrailingZeros(bits);
			bounds[part] = Math.max(bounds[part - 1], index.personStart[index.person[row]]);
		}
		// each part ends past its start (the selected rows, at least one, are below the last bound)
		return parts == 1 ? bounds : IntStream.of(bounds).distinct().toArray();
	}

	/** The bits of a word of rows that lie from {@code from} to {@code to - 1}. */
	static long within(int word, int from, int to) {
		long mask = -1L;
		if (word == from >>> 6) {
			mask &= -1L << from;
		}
		if (word == (to - 1) >>> 6 && (to & 63) != 0) {
			mask &= (1L << to) - 1;
		}
		return mask;
	}

}
