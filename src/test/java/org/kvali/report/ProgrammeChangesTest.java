package org.kvali.report;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Programmes and projects, as the report index follows them (changeset 029): a new one, or a new name, changes nothing
 * the index reads and keeps it; a new code, or a project moved to another programme, has it read everything again.
 * Each index answers breakdowns by programme and project as the SQL path does.
 */
@IntegrationTest
class ProgrammeChangesTest {

	private static final String LAST_NOTE = """
			SELECT table_name || ' ' || coalesce(first_id::text, '-') FROM fact_change ORDER BY id DESC LIMIT 1""";

	@Autowired
	ReportRepository sql;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	@Test
	void newProgrammesAndNamesKeepTheIndexAndNewCodesReadItAgain() {
		// a loader of its own: the service's index catches up with the same changes through the shared one
		var loader = new FactIndexLoader(this.dataSource, this.transactions, new IndexSettings(16));
		var before = loader.load(null);
		long notes = notes();
		try {
			this.jdbc.update("INSERT INTO programme (code, name) VALUES ('PC-PRG', 'Changes')");
			this.jdbc.update("""
					INSERT INTO project (code, programme_id, name) SELECT 'PC-PRJ', id, 'Changes' FROM programme
					WHERE code = 'PC-PRG'""");
			this.jdbc.update("UPDATE programme SET name = 'Changes, renamed', start_date = DATE '2026-01-01' WHERE code = 'PC-PRG'");
			this.jdbc.update("UPDATE project SET name = 'Changes, renamed' WHERE code = 'PC-PRJ'");
			assertThat(notes()).as("notes of new programmes and names").isEqualTo(notes);
			var kept = loader.load(before);
			assertThat(loader.appended()).isOne();
			assertThat(kept.rows).isEqualTo(before.rows);
			assertThat(kept.version).isGreaterThan(before.version);

			this.jdbc.update("""
					INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
					SELECT 'PC-ACT', id, 'MEETING', 'Changes', DATE '2026-02-02', DATE '2026-02-02' FROM project
					WHERE code = 'PC-PRJ'""");
			this.jdbc.update("""
					INSERT INTO participation (activity_id, participant_id)
					SELECT a.id, p.id FROM activity a, participant p WHERE a.code = 'PC-ACT' AND p.ref IN ('S001', 'S002')""");
			var added = loader.load(kept);
			assertThat(loader.appended()).isEqualTo(2);
			assertThat(codes(added)).contains("PC-PRG PC-PRJ 2");

			this.jdbc.update("UPDATE programme SET code = 'PC-PRG2' WHERE code = 'PC-PRG'");
			assertThat(this.jdbc.queryForObject(LAST_NOTE, String.class)).isEqualTo("programme -");
			var recoded = loader.load(added);
			assertThat(loader.appended()).as("read whole").isEqualTo(2);
			assertThat(codes(recoded)).contains("PC-PRG2 PC-PRJ 2");

			this.jdbc.update("""
					UPDATE project SET programme_id = (SELECT id FROM programme WHERE code = 'EU-CSO-EQUAL')
					WHERE code = 'PC-PRJ'""");
			assertThat(this.jdbc.queryForObject(LAST_NOTE, String.class)).isEqualTo("project -");
			var moved = loader.load(recoded);
			assertThat(loader.appended()).as("read whole").isEqualTo(2);
			assertThat(codes(moved)).contains("EU-CSO-EQUAL PC-PRJ 2").noneMatch(group -> group.startsWith("PC-PRG2"));

			this.jdbc.update("UPDATE project SET code = 'PC-PRJ2' WHERE code = 'PC-PRJ'");
			assertThat(this.jdbc.queryForObject(LAST_NOTE, String.class)).isEqualTo("project -");
			var renamed = loader.load(moved);
			assertThat(loader.appended()).as("read whole").isEqualTo(2);
			assertThat(codes(renamed)).contains("EU-CSO-EQUAL PC-PRJ2 2");
		}
		finally {
			this.jdbc.update("""
					DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code = 'PC-ACT')""");
			this.jdbc.update("DELETE FROM activity WHERE code = 'PC-ACT'");
			this.jdbc.update("DELETE FROM project WHERE code LIKE 'PC-PRJ%'");
			this.jdbc.update("DELETE FROM programme WHERE code LIKE 'PC-PRG%'");
		}
	}

	private long notes() {
		return this.jdbc.queryForObject("SELECT count(*) FROM fact_change", Long.class);
	}

	/**
	 * The index's groups by programme and project, as "programme project participants", after checking that they
	 * equal the SQL path's.
	 */
	private List<String> codes(FactIndex index) {
		var by = List.of(Dimension.PROGRAMME, Dimension.PROJECT);
		var fast = new IndexQuery(index, ParticipationFilter.ALL).breakdown(by, Grouping.CALENDAR, List.of(), null, MeasureSet.ALL,
				ReportService.MAX_FIRST);
		assertThat(fast).isEqualTo(this.sql.breakdown(ParticipationFilter.ALL, by, Grouping.CALENDAR, List.of(), null, MeasureSet.ALL,
				ReportService.MAX_FIRST));
		return fast.stream()
			.map(group -> group.programmeCode() + " " + group.projectCode() + " " + group.participants())
			.toList();
	}

}
