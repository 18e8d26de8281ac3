package org.kvali.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.kvali.sql.LongWork;
import org.kvali.sql.LostConnections;
import org.kvali.sql.WritersQueue;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The temporary table {@code import_row} that holds a sheet's checked rows for the rest of the transaction. Rows
 * stream into it by COPY as the sheet is read, so the sheet is never in memory whole; the checks that look across
 * rows and the writes then run as set-based SQL over it.
 */
@Repository
class Staging {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	Staging(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * Creates the table (dropped at commit or rollback) and opens a COPY into it on the transaction's connection, for
	 * a sheet that may take {@code upload} to arrive.
	 */
	Copy open(Duration upload) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			// An import of hundreds of thousands of rows may take longer than the limits of everything else, and its
			// sorts and hashes of 200,000 rows need more than the default 4 MB each not to spill to disk. The COPY
			// lasts as long as the sheet takes to arrive besides: the limits of the rest are set again at its end.
			LongWork.allow(connection, upload);
			this.jdbc.sql("SELECT set_config('work_mem', '64MB', true)").query().singleRow();
			this.jdbc.sql("""
					CREATE TEMPORARY TABLE import_row (
					    row_no int, activity_code text, activity_title text, activity_kind text, project_code text,
					    start_date date, end_date date, venue_municipality text, organizer_code text,
					    participant_ref text, gender text,
					    birth_year smallint, disability boolean, home_municipality text, organization_code text,
					    organization_name text, organization_kind text, organization_municipality text, role text,
					    flagged text[],
					    -- the code the row's organization_code was, as stored, where it was merged into the one it now
					    -- holds (OrganizationChecks.merged)
					    organization_merged text
					) ON COMMIT DROP""").update();
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			return new Copy(copy.copyIn("""
					COPY import_row (row_no, activity_code, activity_title, activity_kind, project_code, start_date,
					                 end_date, venue_municipality, organizer_code, participant_ref, gender, birth_year,
					                 disability, home_municipality, organization_code, organization_name,
					                 organization_kind, organization_municipality, role, flagged)
					FROM STDIN (FORMAT binary)"""), connection);
		}
		catch (SQLException ex) {
			LostConnections.closeIfLost(connection, ex);
			throw new StagingException(ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * Gives the planner statistics for the joins that follow; a temporary table has none until analyzed. A sample of
	 * 3,000 rows (statistics target 10, for this transaction) tells unique references from shared codes as well as
	 * the default 30,000 does, in a tenth of the time (200,000 rows: 22 ms instead of 187 to 258 ms).
	 */
	void analyze() {
		this.jdbc.sql("SELECT set_config('default_statistics_target', '10', true)").query(String.class).single();
		this.jdbc.sql("ANALYZE import_row").update();
	}

	/**
	 * Waits for every other writer of reported data to finish and keeps the rest from writing until this transaction
	 * ends: every statement that writes such data waits for the one row of {@code data_version} before it writes and
	 * raises it after (changesets 013 and 024), and this locks that row. The checks and writes that follow see all
	 * that was committed, and nothing is committed beside them, so loads that meet end as if run one after the other.
	 * Readers are not held up; a writer waiting longer than the statement timeout (30 s) fails.
	 */
	void lockWrites() {
		WritersQueue.join(this.jdbc);
	}

	/**
	 * An open COPY into {@code import_row}, in PostgreSQL's binary format ({@link BinaryCopyRows}); rows are sent in
	 * chunks of about 64 KB.
	 */
	static final class Copy implements AutoCloseable {

		private static final int CHUNK = 1 << 16;

		/** The columns of {@code import_row} the COPY names, in the order {@link #add} writes them. */
		private static final int FIELDS = 20;

		private final CopyIn copy;

		private final Connection connection;

		private final BinaryCopyRows rows = new BinaryCopyRows(CHUNK + 4096);

		private boolean ended;

		Copy(CopyIn copy, Connection connection) {
			this.copy = copy;
			this.connection = connection;
		}

		/** Adds a row, with the columns whose values were refused ({@code flagged}). */
		void add(AttendanceRow row, List<String> flagged) {
			this.rows.row(FIELDS);
			this.rows.integer(row.row());
			this.rows.text(row.activityCode());
			this.rows.text(row.activityTitle());
			this.rows.text(row.activityKind());
			this.rows.text(row.projectCode());
			this.rows.date(row.startDate());
			this.rows.date(row.endDate());
			this.rows.text(row.venueMunicipality());
			this.rows.text(row.organizerCode());
			this.rows.text(row.participantRef());
			this.rows.text(row.gender());
			this.rows.smallint(row.birthYear());
			this.rows.bool(row.disability());
			this.rows.text(row.homeMunicipality());
			this.rows.text(row.organizationCode());
			this.rows.text(row.organizationName());
			this.rows.text(row.organizationKind());
			this.rows.text(row.organizationMunicipality());
			this.rows.text(row.role());
			this.rows.texts(flagged);
			if (this.rows.size() >= CHUNK) {
				flush();
			}
		}

		/** Ends the COPY; every row added is then in the table. */
		void end() {
			this.rows.end();
			flush();
			try {
				this.copy.endCopy();
				this.ended = true;
				LongWork.allow(this.connection);
			}
			catch (SQLException ex) {
				LostConnections.closeIfLost(this.connection, ex);
				throw new StagingException(ex);
			}
		}

		/** Cancels a COPY that was not ended, so the connection can roll the transaction back. */
		@Override
		public void close() {
			if (!this.ended && this.copy.isActive()) {
				try {
					this.copy.cancelCopy();
				}
				catch (SQLException ex) {
					// the transaction is rolled back either way
				}
			}
		}

		private void flush() {
			if (this.rows.size() == 0) {
				return;
			}
			try {
				this.copy.writeToCopy(this.rows.bytes(), 0, this.rows.size());
				this.rows.clear();
			}
			catch (SQLException ex) {
				LostConnections.closeIfLost(this.connection, ex);
				throw new StagingException(ex);
			}
		}

	}

}
