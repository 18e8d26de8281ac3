package org.kvali.report;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.LockWaits;
import org.kvali.OtherInstance;
import org.kvali.TestCallers;
import org.kvali.access.Role;
import org.kvali.access.TestCallerContext;
import org.kvali.graphql.InvalidArgumentException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * On the SQL path, a partner's answer is counted on the data whether its small numbers are withheld was decided on.
 * Decided in one statement and counted in the next, a breakdown over a project only the partner's organization had
 * run counted, not withheld, a woman of another organization's workshop committed between the two.
 */
@IntegrationTest
class SqlPathStateTest {

	private static final ParticipationFilter PROJECT = new ParticipationFilter(null, List.of("SP-PRJ"), null, null,
			null, null, null, null, null, null, null, null, null, null, null, null, null, null);

	/** Another organization's workshop in the project. */
	private static final String OTHERS_WORKSHOP = """
			INSERT INTO activity (code, project_id, kind, title, start_date, end_date, organizer_id)
			SELECT 'SP-B-1', p.id, 'WORKSHOP', 'Other', DATE '2024-06-04', DATE '2024-06-04', o.id
			FROM project p, organization o WHERE p.code = 'SP-PRJ' AND o.code = 'SP-B'""";

	private static final String OTHERS_WOMAN = """
			INSERT INTO participant (ref, gender, birth_year) VALUES ('SP-6', 'FEMALE', 1990)""";

	private static final String OTHERS_WOMAN_ATTENDS = """
			INSERT INTO participation (activity_id, participant_id)
			SELECT a.id, p.id FROM activity a, participant p WHERE a.code = 'SP-B-1' AND p.ref = 'SP-6'""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Callers callers;

	@Autowired
	JdbcConnectionDetails database;

	@Autowired
	JsonMapper json;

	@Autowired
	@LiquibaseDataSource
	DataSource owner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcClient jdbcClient;

	@Autowired
	ReportRepository sql;

	@Autowired
	FilterProblems problems;

	/** The service's own, whose index catches up before a lock is taken. */
	@Autowired
	ReportService reports;

	@Autowired
	FactIndexLoader loader;

	private long partner;

	@BeforeEach
	void fiveOfTheirOwn() {
		this.jdbc.update("INSERT INTO organization (code, name, kind) VALUES ('SP-A', 'Own', 'CSO'),"
				+ " ('SP-B', 'Other', 'CSO')");
		this.jdbc.update("INSERT INTO project (code, programme_id, name) SELECT 'SP-PRJ', id, 'State' FROM programme"
				+ " WHERE code = 'EU-CSO-EQUAL'");
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date, organizer_id)
				SELECT 'SP-A-1', p.id, 'TRAINING', 'Own', DATE '2024-05-02', DATE '2024-05-02', o.id
				FROM project p, organization o WHERE p.code = 'SP-PRJ' AND o.code = 'SP-A'""");
		this.jdbc.update("""
				INSERT INTO participant (ref, gender, birth_year)
				VALUES ('SP-1', 'FEMALE', 1990), ('SP-2', 'FEMALE', 1990), ('SP-3', 'FEMALE', 1990),
				       ('SP-4', 'MALE', 1990), ('SP-5', 'MALE', 1990)""");
		attend("SP-A-1", "SP-1", "SP-2", "SP-3", "SP-4", "SP-5");
		this.partner = this.jdbc.queryForObject("SELECT id FROM organization WHERE code = 'SP-A'", Long.class);
	}

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM indicator WHERE code = 'SP-IND'");
		this.callers.deleteKeys();
		this.jdbc.update("DELETE FROM participation WHERE activity_id IN"
				+ " (SELECT id FROM activity WHERE code LIKE 'SP-%')");
		this.jdbc.update("DELETE FROM participant WHERE ref LIKE 'SP-%'");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'SP-%'");
		this.jdbc.update("DELETE FROM project WHERE code = 'SP-PRJ'");
		this.jdbc.update("DELETE FROM organization WHERE code IN ('SP-A', 'SP-B')");
	}

	@Test
	void aBreakdownCountsTheDataItsDecisionSaw() throws Exception {
		var reports = sqlOnlyReports();
		// the women and men of its own activity, as before the other's: not 4 women told beside them
		assertThat(askedWhileAnotherWorkshopCommits(() -> byGender(reports))).containsExactly("FEMALE 3", "MALE 2");
		// asked again, the project reaches beyond its organization: the 4 women and 2 men are withheld
		assertThat(byGender(reports)).isEmpty();
	}

	/** An indicator's split by gender on another instance without an index, asked while another's workshop commits. */
	@Test
	@SuppressWarnings("unchecked")
	void anIndicatorsSplitCountsTheDataItsDecisionSaw() throws Exception {
		this.graphQl.mutate().header("Authorization", "Bearer " + TestCallers.ADMIN_KEY).build().document("""
				mutation { createIndicator(input: {code: "SP-IND", programme: "EU-CSO-EQUAL", name: "Trained in SP",
				    level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS,
				    filter: {projects: ["SP-PRJ"]}}) { code } }""").execute().errors().verify();
		var key = this.callers.secret(Role.PARTNER, "SP-A");
		try (var sqlOnly = OtherInstance.start(this.database, "off")) {
			assertThat(askedWhileAnotherWorkshopCommits(() -> split(sqlOnly, key))).isEqualTo(List.of(
					Map.of("group", Map.of("gender", "FEMALE", "participants", 3), "value", 3.0),
					Map.of("group", Map.of("gender", "MALE", "participants", 2), "value", 2.0)));
			assertThat((List<Object>) split(sqlOnly, key)).isEmpty();
		}
	}

	/**
	 * The answer asked while another organization's workshop in the project, and a woman at it, commit: after its
	 * first statement, the decision, which reads activities alone, and before its counts, which wait for the lock on
	 * the participations. The service's index catches up first: reading them, it would wait too, taken for the ask.
	 */
	private <T> T askedWhileAnotherWorkshopCommits(Supplier<T> ask) throws Exception {
		this.reports.awaitIndex();
		CompletableFuture<T> asked;
		try (var other = this.owner.getConnection()) {
			other.setAutoCommit(false);
			try (var statement = other.createStatement()) {
				statement.execute("LOCK TABLE participation IN ACCESS EXCLUSIVE MODE");
				statement.execute(OTHERS_WORKSHOP);
				statement.execute(OTHERS_WOMAN);
				statement.execute(OTHERS_WOMAN_ATTENDS);
			}
			asked = CompletableFuture.supplyAsync(ask);
			LockWaits.await(this.owner, 1);
			other.commit();
		}
		return asked.get(30, TimeUnit.SECONDS);
	}

	@SuppressWarnings("unchecked")
	private Object split(ConfigurableApplicationContext instance, String key) {
		try {
			return ((Map<String, Object>) OtherInstance.ask(instance, this.json, key, """
					{ indicator(code: "SP-IND") {
					    disaggregate(by: [GENDER]) { group { gender participants } value } } }""", "indicator", null))
				.get("disaggregate");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aNarrowRangeOfAgesIsRefusedOnceTheProjectReachesBeyond() {
		var reports = sqlOnlyReports();
		var narrow = new ParticipationFilter(null, List.of("SP-PRJ"), null, null, null, null, null, null, null, null,
				new AgeRange(34, 35), null, null, null, null, null, null, null);
		var report = asPartner(() -> reports.report(narrow));
		assertThat(asPartner(() -> reports.shownTotals(report)).participants()).isEqualTo(5);
		// another organization's workshop in the project, committed after the filter was checked
		this.jdbc.update(OTHERS_WORKSHOP);
		var refusal = catchThrowable(() -> asPartner(() -> reports.shownTotals(report)));
		assertThat(refusal).isInstanceOf(InvalidArgumentException.class)
			.hasMessage("A range selects 5 ages at least, so that no answer counts people of one or two birth years;"
					+ " this one selects 2");
		assertThat(((InvalidArgumentException) refusal).argument()).isEqualTo("filter.ages");
	}

	/**
	 * A report whose first field found the database unreachable: the next field asks again, and counts. It had found
	 * the source taken and no index, and failed as an internal error.
	 */
	@Test
	void aFieldAfterOneThatFoundNoDatabaseAsksAgain() {
		var failures = new AtomicInteger(1);
		var index = new ReportIndex(this.loader, this.jdbcClient, ReportProperties.Index.OFF, Duration.ZERO) {

			@Override
			Optional<FactIndex> current() {
				if (failures.getAndDecrement() > 0) {
					throw new DataAccessResourceFailureException("The database is unreachable");
				}
				return super.current();
			}

		};
		var reports = SqlOnlyReports.of(this.sql, index, this.problems);
		var report = asPartner(() -> reports.report(PROJECT));
		assertThat(catchThrowable(() -> asPartner(() -> reports.shownTotals(report))))
			.isInstanceOf(DataAccessResourceFailureException.class);
		assertThat(byGender(reports, report)).containsExactly("FEMALE 3", "MALE 2");
	}

	private List<String> byGender(ReportService reports) {
		return byGender(reports, asPartner(() -> reports.report(PROJECT)));
	}

	private List<String> byGender(ReportService reports, ParticipationReport report) {
		return asPartner(() -> reports.shownBreakdown(report, List.of(Dimension.GENDER),
				Grouping.CALENDAR, null, null, MeasureSet.PEOPLE))
			.stream()
			.map(group -> group.gender() + " " + group.participants())
			.toList();
	}

	private <T> T asPartner(Supplier<T> work) {
		return TestCallerContext.as(Role.PARTNER, Set.of(this.partner), "partner of SP-A", work);
	}

	private void attend(String activity, String... refs) {
		this.jdbc.update("""
				INSERT INTO participation (activity_id, participant_id)
				SELECT a.id, p.id FROM activity a, participant p WHERE a.code = ? AND p.ref = ANY(?)""", activity,
				refs);
	}

	/** The service as it answers without an index. */
	private ReportService sqlOnlyReports() {
		return SqlOnlyReports.of(this.sql,
				new ReportIndex(this.loader, this.jdbcClient, ReportProperties.Index.OFF, Duration.ZERO),
				this.problems);
	}

}
