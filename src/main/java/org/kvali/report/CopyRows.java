package org.kvali.report;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.kvali.sql.LostConnections;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Reads the result of a query through {@code COPY (query) TO STDOUT}, PostgreSQL's fastest way out, one row at a time.
 * The text format: fields separated by tabs, {@code \N} for null, backslash escapes in text.
 */
final class CopyRows {

	private static final int MAX_FIELDS = 16;

	private final int[] starts = new int[MAX_FIELDS];

	private final int[] ends = new int[MAX_FIELDS];

	private byte[] row;

	/** Receives each row; the fields are valid until the call returns. */
	interface Handler {

		void row(CopyRows fields);

	}

	/**
	 * Runs {@code COPY (query) TO STDOUT} on the connection and hands every row to the handler. When the handler fails,
	 * the rows left are read and its failure thrown; when they cannot be read either, the connection is closed (the
	 * pool drops it) and an SQLException thrown, as nothing more can be done in the transaction. So is it when its
	 * link to the database fails ({@link LostConnections}).
	 */
	static void read(Connection connection, String query, Handler handler) throws SQLException {
		try {
			handEach(connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + query + ") TO STDOUT"),
					handler);
		}
		catch (SQLException ex) {
			// its link lost, or the rest of the COPY unread (08006 below): nothing more can be done on the connection
			LostConnections.closeIfLost(connection, ex);
			throw ex;
		}
	}

	private static void handEach(CopyOut copy, Handler handler) throws SQLException {
		var fields = new CopyRows();
		try {
			byte[] row;
			while ((row = copy.readFromCopy()) != null) {
				fields.split(row);
				handler.row(fields);
			}
		}
		catch (RuntimeException | Error ex) {
			// an unfinished COPY keeps the connection busy: the rows left are read to its end, so that the connection
			// goes on in step (a rollback, or everything read after a catch-up failed). Cancelling it sent a cancel
			// request that could reach PostgreSQL after the COPY had ended and cancel what came next: the rollback,
			// and the connection went back to the pool inside the read-only transaction, its replies out of step
			try {
				while (copy.readFromCopy() != null) {
					// dropped
				}
			}
			catch (SQLException | RuntimeException | Error drain) {
				var lost = new SQLException("A COPY stopped part-way could not be read to its end; its connection is"
						+ " closed", "08006", ex);
				lost.addSuppressed(drain);
				throw lost;
			}
			throw ex;
		}
	}

	private void split(byte[] row) {
		this.row = row;
		int length = row.length > 0 && row[row.length - 1] == '\n' ? row.length - 1 : row.length;
		int field = 0;
		this.starts[0] = 0;
		for (int i = 0; i < length; i++) {
			if (row[i] == '\t') {
				this.ends[field++] = i;
				this.starts[field] = i + 1;
			}
		}
		this.ends[field] = length;
	}

	boolean isNull(int field) {
		return this.ends[field] - this.starts[field] == 2 && this.row[this.starts[field]] == '\\'
				&& this.row[this.starts[field] + 1] == 'N';
	}

	/** A whole number field. */
	long number(int field) {
		long value = 0;
		boolean negative = false;
		for (int i = this.starts[field]; i < this.ends[field]; i++) {
			byte b = this.row[i];
			if (b == '-') {
				negative = true;
			}
			else {
				value = value * 10 + (b - '0');
			}
		}
		return negative ? -value : value;
	}

	/** Whether a field holds exactly this ASCII word. */
	boolean is(int field, byte[] word) {
		int length = this.ends[field] - this.starts[field];
		if (length != word.length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (this.row[this.starts[field] + i] != word[i]) {
				return false;
			}
		}
		return true;
	}

	/** A text field, or null. */
	String text(int field) {
		if (isNull(field)) {
			return null;
		}
		int start = this.starts[field];
		int end = this.ends[field];
		boolean escaped = false;
		for (int i = start; i < end && !escaped; i++) {
			escaped = this.row[i] == '\\';
		}
		if (!escaped) {
			return new String(this.row, start, end - start, StandardCharsets.UTF_8);
		}
		var bytes = new byte[end - start];
		int length = 0;
		for (int i = start; i < end; i++) {
			byte b = this.row[i];
			if (b == '\\' && i + 1 < end) {
				b = switch (this.row[++i]) {
					case 'b' -> '\b';
					case 'f' -> '\f';
					case 'n' -> '\n';
					case 'r' -> '\r';
					case 't' -> '\t';
					case 'v' -> 0x0B;
					default -> this.row[i];
				};
			}
			bytes[length++] = b;
		}
		return new String(bytes, 0, length, StandardCharsets.UTF_8);
	}

}
