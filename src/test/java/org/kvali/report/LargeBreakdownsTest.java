package org.kvali.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kvali.ServiceScopeListener;
import org.kvali.TestCallers;
import org.kvali.TestDatabaseConfiguration;
import org.kvali.access.ApiKeyService;
import org.kvali.access.Role;
import org.kvali.access.ServiceScope;
import org.kvali.graphql.KvaliErrorType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Breakdowns too large to answer whole, on a database of its own: the demo data and 25,001 activities of 2026, each
 * with four new people, one of each gender (100,004 participations). Activity n starts on day n / 1,000 of 2026, so
 * the first ten days hold exactly 10,000 activities. A question's counters may take 4 MB here, and a statement 4 s.
 */
@SpringBootTest(properties = { "kvali.demo.enabled=true", "kvali.embedded.clean=true",
		"kvali.embedded.data-dir=target/test-postgres-large", "kvali.report.index=sync",
		"kvali.report.scan-memory=4MB", "spring.datasource.hikari.connection-init-sql=SET statement_timeout = '4s'",
		"kvali.bootstrap-admin-key=" + TestCallers.ADMIN_KEY })
@AutoConfigureMockMvc
@AutoConfigureHttpGraphQlTester
@TestExecutionListeners(listeners = ServiceScopeListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
@Import({ TestDatabaseConfiguration.class, TestCallers.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeBreakdownsTest {

	private static final int ACTIVITIES = 25_001;

	private static final String IN_2026 = "from: \"2026-01-01\"";

	private static final String TOO_MANY = "The breakdown has more than 10000 groups, more than are answered at once: "
			+ "give first (at most 10000), with orderBy for the largest groups and offset for the pages after, or"
			+ " narrow the filter, or group by fewer dimensions";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiKeyService keys;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReportRepository sql;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transaction;

	@BeforeAll
	void manyActivities() {
		ServiceScope.run(() -> this.transaction.executeWithoutResult(status -> insert()));
	}

	private void insert() {
		// more than the 4 s a statement has here, on a slow machine
		this.jdbc.queryForObject("SELECT set_config('statement_timeout', '120s', true)", String.class);
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date, venue_municipality_code)
				SELECT 'BIG-A' || lpad(n::text, 5, '0'), (SELECT id FROM project WHERE code = 'CSO-CAPACITY'),
				       'TRAINING', 'Training ' || n, date '2026-01-01' + n / 1000, date '2026-01-01' + n / 1000,
				       'GE-KK-RUSTAVI'
				FROM generate_series(0, ? - 1) n""", ACTIVITIES);
		this.jdbc.update("""
				INSERT INTO participant (ref, gender, birth_year)
				SELECT 'BIG-P' || lpad(n::text, 5, '0') || '-' || g, (ARRAY['FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED'])[g],
				       1990
				FROM generate_series(0, ? - 1) n, generate_series(1, 4) g""", ACTIVITIES);
		this.jdbc.update("""
				INSERT INTO participation (activity_id, participant_id)
				SELECT a.id, p.id FROM activity a CROSS JOIN generate_series(1, 4) g
				JOIN participant p ON p.ref = 'BIG-P' || substr(a.code, 6) || '-' || g
				WHERE a.code LIKE 'BIG-A%'""");
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM participation pn JOIN activity a ON a.id = pn.activity_id
				WHERE a.code LIKE 'BIG-A%'""", Long.class)).isEqualTo(4L * ACTIVITIES);
	}

	@Test
	void exactlyTenThousandGroupsAreAnsweredWhole() {
		var groups = activities(caller(Role.ANALYST), "{ participation(filter: {" + IN_2026
				+ ", to: \"2026-01-10\"}) { breakdown(by: [ACTIVITY]) { activity { code } participants } } }");
		assertThat(groups).hasSize(ReportService.MAX_FIRST);
		assertThat(groups.get(0)).isEqualTo("BIG-A00000 4");
		assertThat(groups.get(ReportService.MAX_FIRST - 1)).isEqualTo("BIG-A09999 4");
	}

	@Test
	void moreGroupsThanAreAnsweredAtOnceAreRefusedUnlessFirstCutsThem() {
		var tester = caller(Role.ANALYST);
		var eleventhDay = "{ participation(filter: {" + IN_2026 + ", to: \"2026-01-11\"}) { breakdown(by: [ACTIVITY]%s) "
				+ "{ activity { code } participants } } }";
		refused(tester, eleventhDay.formatted(""), "first", TOO_MANY);
		assertThat(activities(tester, eleventhDay.formatted(", first: 2, orderBy: [{by: ACTIVITY, direction: DESC}]")))
			.containsExactly("BIG-A10999 4", "BIG-A10998 4");
		// and pages past them, with offset
		assertThat(activities(tester, eleventhDay.formatted(", first: 3, offset: 10500")))
			.containsExactly("BIG-A10500 4", "BIG-A10501 4", "BIG-A10502 4");
	}

	/**
	 * Whether a breakdown withheld groups is told of more groups than one answer holds, as a breakdown with first
	 * weighs them (it was refused, naming a first it does not take): the 25,001 activities of four people are each
	 * withheld from a donor, and nothing from an analyst.
	 */
	@Test
	void whetherGroupsAreWithheldIsToldOfMoreGroupsThanAnAnswerHolds() {
		var document = "{ participation(filter: {" + IN_2026 + "}) { totals { participants } withheld(by: [ACTIVITY]) } }";
		for (var role : List.of(Role.DONOR, Role.ANALYST)) {
			var response = caller(role).document(document).execute();
			response.path("participation.totals.participants").entity(Integer.class).isEqualTo(4 * ACTIVITIES);
			response.path("participation.withheld").entity(Boolean.class).isEqualTo(role == Role.DONOR);
		}
	}

	@Test
	void theSqlPathCutsAtTheSameNumber() {
		var tenDays = ParticipationFilter.ALL.within(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 10));
		var elevenDays = ParticipationFilter.ALL.within(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 11));
		var by = List.of(Dimension.ACTIVITY);
		assertThat(this.sql.breakdown(tenDays, by, Grouping.CALENDAR, List.of(), null, MeasureSet.ALL, ReportService.MAX_FIRST))
			.hasSize(ReportService.MAX_FIRST);
		assertThatThrownBy(
				() -> this.sql.breakdown(elevenDays, by, Grouping.CALENDAR, List.of(), null, MeasureSet.ALL, ReportService.MAX_FIRST))
			.isInstanceOf(TooManyGroups.class);
		assertThat(this.sql.breakdown(elevenDays, by, Grouping.CALENDAR, List.of(), 3, MeasureSet.ALL, ReportService.MAX_FIRST))
			.extracting(ParticipationGroup::activityCode)
			.containsExactly("BIG-A00000", "BIG-A00001", "BIG-A00002");
		// as many as a page past 10,000 counts
		assertThat(this.sql.breakdown(elevenDays, by, Grouping.CALENDAR, List.of(), 10_503, MeasureSet.ALL,
				ReportService.MAX_FIRST).subList(10_500, 10_503))
			.extracting(ParticipationGroup::activityCode)
			.containsExactly("BIG-A10500", "BIG-A10501", "BIG-A10502");
	}

	@Test
	void suppressionWeighsAtMostOneHundredThousandGroups() {
		var donor = caller(Role.DONOR);
		// 25,001 groups of four people each: all withheld, none shown
		donor.document("{ participation(filter: {" + IN_2026 + "}) { breakdown(by: [ACTIVITY], first: 2) "
				+ "{ activity { code } participants } } }")
			.execute()
			.path("participation.breakdown")
			.entityList(Object.class)
			.hasSize(0);
		// without first, 25,001 groups are more than are answered at once, withheld or not
		refused(donor, "{ participation(filter: {" + IN_2026 + "}) { breakdown(by: [ACTIVITY]) { participants } } }",
				"first", TOO_MANY);
		// 100,004 groups
		refused(donor, "{ participation(filter: {" + IN_2026 + "}) { breakdown(by: [ACTIVITY, GENDER], first: 2) "
				+ "{ participants } } }", "by", "The breakdown has more than 100000 groups, more than small groups can be "
				+ "withheld from (that weighs all groups together): narrow the filter or group by fewer dimensions");
		// for an analyst, nothing is withheld and first cuts the 100,004 groups
		assertThat(activities(caller(Role.ANALYST), "{ participation(filter: {" + IN_2026 + "}) { breakdown(by: "
				+ "[ACTIVITY, GENDER], first: 2) { activity { code } participants } } }"))
			.containsExactly("BIG-A00000 1", "BIG-A00000 1");
	}

	@Test
	void aBreakdownWhoseCountersPassTheLimitIsRefusedNamingIt() {
		// 25,001 and more activities x 4 genders and unknown x 6 age bands: more than 4 MB of counters
		refused(caller(Role.ANALYST), "{ participation(filter: {" + IN_2026 + "}) { breakdown(by: [ACTIVITY, GENDER, "
				+ "AGE_BAND], first: 2) { participants } } }", "by", "Counting this breakdown would take more than the "
				+ "4 MB of memory one question may use: group by fewer dimensions, narrow the filter, or leave out "
				+ "distinct activities and organizations, which take the most");
		// the turn that large scan took is back
		assertThat(ScanMemory.TURNS.availablePermits())
			.isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
	}

	@Test
	void aLargeQuestionThatWaitsTooLongForItsTurnIsATimeoutWhileSmallOnesGoOn() {
		var analyst = caller(Role.ANALYST);
		// 25,001 and more activities x 6 age bands: more groups than a small scan has, less memory than the limit
		var large = "{ participation(filter: {" + IN_2026 + "}) { breakdown(by: [ACTIVITY, AGE_BAND], first: 1) "
				+ "{ activity { code } participants } } }";
		var held = new ArrayList<ScanMemory>();
		long before = ScanMemory.turnWait;
		ScanMemory.turnWait = 200;
		try {
			for (int i = ScanMemory.TURNS.availablePermits(); i > 0; i--) {
				var holder = new ScanMemory(1 << 20);
				holder.takeTurn();
				held.add(holder);
			}
			timedOut(analyst, large, "Other large questions were being counted, and this one waited 200 ms for its "
					+ "turn; ask again shortly, or ask a smaller question, which needs no turn");
			assertThat(analyst.document("{ participation(filter: {" + IN_2026 + "}) { breakdown(by: [GENDER]) "
					+ "{ participants } } }").execute().path("participation.breakdown[*].participants")
				.entityList(Integer.class)
				.get()).containsExactly(ACTIVITIES, ACTIVITIES, ACTIVITIES, ACTIVITIES);
		}
		finally {
			held.forEach(ScanMemory::close);
			ScanMemory.turnWait = before;
		}
		assertThat(activities(analyst, large)).containsExactly("BIG-A00000 4");
	}

	@Test
	void anIndicatorDisaggregatedIntoMoreGroupsThanAreAnsweredAtOnceIsRefusedNamingBy() {
		var admin = caller(Role.ADMIN);
		admin.document("""
				mutation { createIndicator(input: {code: "BIG-REACH", programme: "EU-CSO-EQUAL", name: "Reach in 2026",
				    level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS,
				    filter: {from: "2026-01-01"}, cumulative: false}) { code } }""").execute().errors().verify();
		// the activities of January 2026, begun, within the programme while it is extended (indicators count to its end)
		this.jdbc.update("UPDATE programme SET end_date = DATE '2026-12-31' WHERE code = 'EU-CSO-EQUAL'");
		try {
			admin.document("{ indicator(code: \"BIG-REACH\") { disaggregate(by: [GENDER], period: \"2026\") { value } } }")
				.execute()
				.path("indicator.disaggregate[*].value")
				.entityList(Double.class)
				.containsExactly((double) ACTIVITIES, (double) ACTIVITIES, (double) ACTIVITIES, (double) ACTIVITIES);
			refused(admin, "{ indicator(code: \"BIG-REACH\") { disaggregate(by: [ACTIVITY], period: \"2026\") { value } } }",
					"by",
					"The disaggregation has more than 10000 groups, more than are answered at once: disaggregate by "
					+ "fewer dimensions");
		}
		finally {
			this.jdbc.update("UPDATE programme SET end_date = DATE '2025-12-31' WHERE code = 'EU-CSO-EQUAL'");
		}
	}

	@Test
	void aStatementThatTheDatabaseStopsIsATimeoutAndStoresNothing() throws Exception {
		var admin = caller(Role.ADMIN);
		try (var writer = this.dataSource.getConnection()) {
			// another writer holds the queue of writes (changeset 024) for longer than a statement may wait
			writer.setAutoCommit(false);
			writer.createStatement().execute("SELECT version FROM data_version WHERE id = 1 FOR UPDATE");
			timedOut(admin, "mutation { createOrganization(input: {code: \"SLOW-ORG\", name: \"Slow\", kind: CSO}) "
					+ "{ code } }", "The change waited or ran longer than the database's time limit, as it may while"
							+ " large sheets load; nothing was stored, try again");
			writer.rollback();
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM organization WHERE code = 'SLOW-ORG'", Long.class))
			.isZero();
	}

	@Test
	void anIatiFileWhoseStatementTheDatabaseStopsIsAskedForAgainLater() throws Exception {
		var donor = this.keys.create("large iati", Role.DONOR, List.of(), false, "test").secret();
		try (var writer = this.dataSource.getConnection()) {
			// a change of the programmes' table holds it for longer than a statement may wait
			writer.setAutoCommit(false);
			writer.createStatement().execute("LOCK TABLE programme IN ACCESS EXCLUSIVE MODE");
			this.mvc.perform(get("/iati/activities.xml").param("programme", "EU-CSO-EQUAL")
					.header("Authorization", "Bearer " + donor))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "5"))
				.andExpect(content().string("The file took longer to compute than it may (60 s in all, 30 s a"
						+ " statement: the data just changed, the service is starting, or many files are asked for at"
						+ " once); ask again shortly"));
			writer.rollback();
		}
		this.mvc.perform(get("/iati/activities.xml").param("programme", "EU-CSO-EQUAL")
				.header("Authorization", "Bearer " + donor))
			.andExpect(status().isOk());
	}

	/** Runs the document and expects a BAD_REQUEST error with exactly this message, naming this argument. */
	private static void refused(HttpGraphQlTester tester, String document, String argument, String message) {
		tester.document(document)
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage().equals(message)
					&& argument.equals(error.getExtensions().get("argument")))
			.verify();
	}

	/** Runs the document and expects a TIMEOUT error with exactly this message. */
	private static void timedOut(HttpGraphQlTester tester, String document, String message) {
		tester.document(document)
			.execute()
			.errors()
			.expect(error -> KvaliErrorType.TIMEOUT.name().equals(error.getExtensions().get("classification"))
					&& error.getMessage().equals(message))
			.verify();
	}

	private HttpGraphQlTester caller(Role role) {
		var secret = this.keys.create("large " + role, role, List.of(), false, "test").secret();
		// room for answers of 10,000 groups
		return this.graphQl.mutate()
			.header("Authorization", "Bearer " + secret)
			.webTestClient(client -> client.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 << 20)))
			.build();
	}

	/** Each group as its activity's code and participants. */
	@SuppressWarnings("unchecked")
	private static List<String> activities(HttpGraphQlTester tester, String query) {
		List<Map<String, Object>> groups = tester.document(query)
			.execute()
			.path("participation.breakdown")
			.entity(List.class)
			.get();
		return groups.stream()
			.map(group -> ((Map<String, Object>) group.get("activity")).get("code") + " " + group.get("participants"))
			.toList();
	}

}
