package org.kvali.report;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Exact answers on the demo data, each compared with the oracle's independent count. */
@IntegrationTest
class ParticipationReportTest {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> GROUPS = new ParameterizedTypeReference<>() {
	};

	private static final String PARTICIPANTS_ONLY = "pn.role = 'PARTICIPANT'";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	ParticipationOracle oracle;

	@BeforeEach
	void oracle() {
		this.oracle = new ParticipationOracle(this.jdbc);
	}

	@Test
	void totalsOfTheWholeDemoProgramme() {
		// language=GraphQL
		var totals = this.graphQl.document("{ participation { totals { participations participants activities organizations } } }")
			.execute();
		totals.path("participation.totals.participations").entity(Integer.class).isEqualTo(1503);
		totals.path("participation.totals.participants").entity(Integer.class).isEqualTo(310);
		totals.path("participation.totals.activities").entity(Integer.class).isEqualTo(101);
		totals.path("participation.totals.organizations").entity(Integer.class).isEqualTo(42);
		assertThat(this.oracle.totals(PARTICIPANTS_ONLY)).isEqualTo("1503|310|101|42");
	}

	@Test
	void theReadmeExamplesAnswerAsShown() {
		// language=GraphQL
		var women = this.graphQl.document("""
				{ participation(filter: {regions: ["GE-KK"], genders: [FEMALE], activityKinds: [TRAINING],
				                         from: "2024-01-01", to: "2024-12-31"}) { totals { participants participations } } }
				""").execute();
		women.path("participation.totals.participants").entity(Integer.class).isEqualTo(26);
		women.path("participation.totals.participations").entity(Integer.class).isEqualTo(27);
		// language=GraphQL
		var years = this.graphQl.document("""
				{ participation(filter: {from: "2024-01-01", to: "2025-12-31"}) {
				    breakdown(by: [YEAR, GENDER], orderBy: [{by: PARTICIPANTS, direction: DESC}], first: 4) {
				      period { key } gender participants participations } } }""").execute();
		years.path("participation.breakdown[*].period.key").entityList(String.class).containsExactly("2024", "2025",
				"2025", "2024");
		years.path("participation.breakdown[*].gender").entityList(String.class).containsExactly("FEMALE", "FEMALE",
				"MALE", "MALE");
		years.path("participation.breakdown[*].participants").entityList(Integer.class).containsExactly(147, 143, 103,
				93);
		years.path("participation.breakdown[*].participations").entityList(Integer.class).containsExactly(331, 298,
				207, 197);
	}

	@Test
	void everySingleDimensionMatchesTheOracle() {
		for (var dimension : Dimension.values()) {
			assertBreakdown(List.of(dimension), null, PARTICIPANTS_ONLY);
		}
	}

	@Test
	void combinationsOfTwoToFourDimensionsMatchTheOracle() {
		assertBreakdown(List.of(Dimension.REGION, Dimension.GENDER), null, PARTICIPANTS_ONLY);
		assertBreakdown(List.of(Dimension.MUNICIPALITY, Dimension.YEAR), null, PARTICIPANTS_ONLY);
		assertBreakdown(List.of(Dimension.PROJECT, Dimension.GENDER, Dimension.AGE_BAND), null, PARTICIPANTS_ONLY);
		assertBreakdown(List.of(Dimension.AGE_GROUP, Dimension.GENDER, Dimension.REGION), null, PARTICIPANTS_ONLY);
		assertBreakdown(List.of(Dimension.ORGANIZATION_KIND, Dimension.ACTIVITY_KIND), null, PARTICIPANTS_ONLY);
		assertBreakdown(List.of(Dimension.ORGANIZER, Dimension.GENDER, Dimension.YEAR), null, PARTICIPANTS_ONLY);
		assertBreakdown(List.of(Dimension.VENUE_REGION, Dimension.REGION, Dimension.QUARTER), null, PARTICIPANTS_ONLY);
		assertBreakdown(List.of(Dimension.DISABILITY, Dimension.GENDER, Dimension.ORGANIZATION), null, PARTICIPANTS_ONLY);
		assertBreakdown(List.of(Dimension.PROGRAMME, Dimension.VENUE_MUNICIPALITY, Dimension.ACTIVITY, Dimension.MONTH),
				null, PARTICIPANTS_ONLY);
		// every role, split by role: trainers and organizers beside those reached
		var everyRole = "{roles: [PARTICIPANT, TRAINER, FACILITATOR, SPEAKER, ORGANIZER]}";
		assertBreakdown(List.of(Dimension.ROLE), everyRole, "TRUE");
		assertBreakdown(List.of(Dimension.ROLE, Dimension.GENDER, Dimension.ORGANIZER), everyRole, "TRUE");
		assertBreakdown(List.of(Dimension.ACTIVITY_KIND, Dimension.ROLE), "{roles: [TRAINER, FACILITATOR]}",
				"pn.role IN ('TRAINER', 'FACILITATOR')");
	}

	@Test
	void eachFilterMatchesTheOracle() {
		assertTotals("{programmes: [\"EU-CSO-EQUAL\"]}", "pg.code = 'EU-CSO-EQUAL' AND " + PARTICIPANTS_ONLY);
		assertTotals("{projects: [\"LOCAL-BUDGET\"]}", "pj.code = 'LOCAL-BUDGET' AND " + PARTICIPANTS_ONLY);
		assertTotals("{regions: [\"GE-KK\"]}", ParticipationOracle.KEYS.get(Dimension.REGION) + " = 'GE-KK' AND " + PARTICIPANTS_ONLY);
		assertTotals("{municipalities: [\"GE-KK-MARNEULI\", \"GE-SJ-BORJOMI\"]}",
				"pt.home_municipality_code IN ('GE-KK-MARNEULI', 'GE-SJ-BORJOMI') AND " + PARTICIPANTS_ONLY);
		assertTotals("{venueRegions: [\"GE-SJ\"]}",
				ParticipationOracle.KEYS.get(Dimension.VENUE_REGION) + " = 'GE-SJ' AND " + PARTICIPANTS_ONLY);
		assertTotals("{venueMunicipalities: [\"GE-TB-TBILISI\"]}", "a.venue_municipality_code = 'GE-TB-TBILISI' AND " + PARTICIPANTS_ONLY);
		assertTotals("{organizations: [\"CSO-RUSTAVI-1\", \"AG-TSALKA\"]}", "ro.code IN ('CSO-RUSTAVI-1', 'AG-TSALKA') AND " + PARTICIPANTS_ONLY);
		assertTotals("{organizationKinds: [ACTIVIST_GROUP]}", "ro.kind = 'ACTIVIST_GROUP' AND " + PARTICIPANTS_ONLY);
		assertTotals("{genders: [FEMALE]}", "pt.gender = 'FEMALE' AND " + PARTICIPANTS_ONLY);
		assertTotals("{ageBands: [UNDER_18, UNKNOWN]}",
				ParticipationOracle.KEYS.get(Dimension.AGE_BAND) + " IN ('UNDER_18', 'UNKNOWN') AND " + PARTICIPANTS_ONLY);
		assertTotals("{ageBands: [AGE_60_PLUS]}", ParticipationOracle.KEYS.get(Dimension.AGE_BAND) + " = 'AGE_60_PLUS' AND " + PARTICIPANTS_ONLY);
		assertTotals("{disability: true}", "pt.disability AND " + PARTICIPANTS_ONLY);
		assertTotals("{disability: false}", "NOT pt.disability AND " + PARTICIPANTS_ONLY);
		assertTotals("{activityKinds: [WORKSHOP, CAMPAIGN]}", "a.kind IN ('WORKSHOP', 'CAMPAIGN') AND " + PARTICIPANTS_ONLY);
		assertTotals("{activities: [\"TRN-2024-BAKURIANI\"]}", "a.code = 'TRN-2024-BAKURIANI' AND " + PARTICIPANTS_ONLY);
		assertTotals("{roles: [TRAINER, FACILITATOR]}", "pn.role IN ('TRAINER', 'FACILITATOR')");
		assertTotals("{from: \"2024-07-18\"}", "a.start_date >= DATE '2024-07-18' AND " + PARTICIPANTS_ONLY);
		assertTotals("{to: \"2024-07-18\"}", "a.start_date <= DATE '2024-07-18' AND " + PARTICIPANTS_ONLY);
		assertTotals("{regions: [\"GE-KK\"], genders: [FEMALE], activityKinds: [TRAINING], from: \"2024-01-01\", to: \"2024-12-31\"}",
				ParticipationOracle.KEYS.get(Dimension.REGION) + " = 'GE-KK' AND pt.gender = 'FEMALE' AND a.kind = 'TRAINING'"
						+ " AND a.start_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31' AND " + PARTICIPANTS_ONLY);
		assertTotals("{genders: []}", "false");
		assertTotals("{roles: []}", "false");
	}

	@Test
	void theBakurianiTrainingCountsKvemoKartliByHomeAndSamtskheJavakhetiByVenue() {
		// language=GraphQL
		var response = this.graphQl.document("""
				{ participation(filter: {activities: ["TRN-2024-BAKURIANI"]}) {
				    totals { participants participations }
				    home: breakdown(by: [REGION]) { region { code } participants }
				    venue: breakdown(by: [VENUE_REGION]) { venueRegion { code name } participants }
				    everyone: breakdown(by: [REGION]) { participants }
				} }""").execute();
		response.path("participation.totals.participants").entity(Integer.class).isEqualTo(60);
		response.path("participation.home[*].region.code").entityList(String.class).containsExactly("GE-KK", "GE-SJ");
		response.path("participation.home[*].participants").entityList(Integer.class).containsExactly(30, 30);
		response.path("participation.venue[*].venueRegion.name").entityList(String.class).containsExactly("Samtskhe-Javakheti");
		response.path("participation.venue[*].participants").entityList(Integer.class).containsExactly(60);
		// the two trainers are not reached; asked for, they count
		// language=GraphQL
		this.graphQl.document("""
				{ participation(filter: {activities: ["TRN-2024-BAKURIANI"], roles: [PARTICIPANT, TRAINER]}) {
				    totals { participants } } }""")
			.execute().path("participation.totals.participants").entity(Integer.class).isEqualTo(62);
	}

	@Test
	void participantsAreDistinctPersonsAndGroupsDoNotSumToTheTotal() {
		// language=GraphQL
		var response = this.graphQl.document("""
				{ participation { totals { participations participants }
				                  breakdown(by: [YEAR]) { period { key start end } participations participants } } }""")
			.execute();
		response.path("participation.breakdown[*].period.key").entityList(String.class).containsExactly("2023", "2024", "2025");
		response.path("participation.breakdown[0].period.start").entity(String.class).isEqualTo("2023-01-01");
		response.path("participation.breakdown[0].period.end").entity(String.class).isEqualTo("2023-12-31");
		// 310 people in all, of whom 237, 260 and 263 came in each year: many in two years or three
		response.path("participation.totals.participations").entity(Integer.class).isEqualTo(1503);
		response.path("participation.totals.participants").entity(Integer.class).isEqualTo(310);
		response.path("participation.breakdown[*].participations").entityList(Integer.class)
			.containsExactly(385, 573, 545);
		response.path("participation.breakdown[*].participants").entityList(Integer.class)
			.containsExactly(237, 260, 263);
	}

	/**
	 * A programme whose years run from September asks for them: each group is the activities begun in its year or
	 * quarter, keyed by its months, exactly as SQL over the tables counts them.
	 */
	@Test
	void yearsAndQuartersBeginInTheMonthAsked() {
		// language=GraphQL
		var response = this.graphQl.document("""
				{ participation(filter: {programmes: ["EU-CSO-EQUAL"]}) {
				    years: breakdown(by: [YEAR], yearStart: 9) { period { key start end } participations participants }
				    quarters: breakdown(by: [QUARTER], yearStart: 9) { period { key start end } participations }
				    april: breakdown(by: [YEAR], yearStart: 4) { period { key } }
				    aprilQuarters: breakdown(by: [QUARTER], yearStart: 4) { period { key } }
				    none: breakdown(by: [YEAR], yearStart: null) { period { key } } } }""").execute();
		// null as left out: the calendar's
		response.path("participation.none[*].period.key").entityList(String.class).containsExactly("2023", "2024",
				"2025");
		response.path("participation.years[*].period.key").entityList(String.class).containsExactly("2022-09/2023-08",
				"2023-09/2024-08", "2024-09/2025-08", "2025-09/2026-08");
		response.path("participation.years[0].period.start").entity(String.class).isEqualTo("2022-09-01");
		response.path("participation.years[0].period.end").entity(String.class).isEqualTo("2023-08-31");
		response.path("participation.years[*].participations").entityList(Integer.class)
			.isEqualTo(counts("'year'", 8, "count(*)"));
		response.path("participation.years[*].participants").entityList(Integer.class)
			.isEqualTo(counts("'year'", 8, "count(DISTINCT pn.participant_id)"));
		response.path("participation.quarters[*].period.key").entityList(String.class).containsExactly(
				"2022-12/2023-02", "2023-03/2023-05", "2023-06/2023-08", "2023-09/2023-11", "2023-12/2024-02",
				"2024-03/2024-05", "2024-06/2024-08", "2024-09/2024-11", "2024-12/2025-02", "2025-03/2025-05",
				"2025-06/2025-08", "2025-09/2025-11");
		response.path("participation.quarters[*].participations").entityList(Integer.class)
			.isEqualTo(counts("'quarter'", 2, "count(*)"));
		response.path("participation.april[*].period.key").entityList(String.class).containsExactly("2022-04/2023-03",
				"2023-04/2024-03", "2024-04/2025-03", "2025-04/2026-03");
		// years from April are of the calendar's quarters
		response.path("participation.aprilQuarters[*].period.key").entityList(String.class).containsExactly("2023-Q1",
				"2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2",
				"2025-Q3", "2025-Q4");
	}

	/** Per year or quarter beginning {@code shift} months after the calendar's, in order, the demo's measure. */
	private List<Integer> counts(String unit, int shift, String measure) {
		return this.jdbc.query("""
				SELECT %s, date_trunc(%s, a.start_date - make_interval(months => ?))
				FROM participation pn JOIN activity a ON a.id = pn.activity_id JOIN project p ON p.id = a.project_id
				JOIN programme g ON g.id = p.programme_id
				WHERE pn.role = 'PARTICIPANT' AND g.code = 'EU-CSO-EQUAL' GROUP BY 2 ORDER BY 2""".formatted(measure, unit),
				(rs, row) -> rs.getInt(1), shift);
	}

	@Test
	void unknownValuesFormNullGroupsLast() {
		// language=GraphQL
		var response = this.graphQl.document("""
				{ participation { region: breakdown(by: [REGION]) { region { code } participants }
				                  municipality: breakdown(by: [MUNICIPALITY]) { municipality { code } participants }
				                  disability: breakdown(by: [DISABILITY]) { disability participants }
				                  age: breakdown(by: [AGE_BAND]) { ageBand } } }""").execute();
		response.path("participation.region[*].region.code").entityList(String.class).containsExactly("GE-KK", "GE-SJ");
		response.path("participation.region[2].region").valueIsNull();
		response.path("participation.region[2].participants").entity(Integer.class).isEqualTo(2);
		response.path("participation.municipality[13].municipality").valueIsNull();
		response.path("participation.disability[*].disability").entityList(Boolean.class).containsExactly(false, true,
				null);
		response.path("participation.age[*].ageBand").entityList(String.class).containsExactly("UNDER_18", "AGE_18_29",
				"AGE_30_44", "AGE_45_59", "AGE_60_PLUS", "UNKNOWN");
	}

	@Test
	void orderByMeasuresAndDimensionsThenFirst() {
		// language=GraphQL
		var top = this.graphQl.document("""
				{ participation { breakdown(by: [ORGANIZATION], orderBy: [{by: PARTICIPANTS, direction: DESC}], first: 3) {
				    organization { code } participants } } }""").execute();
		var expected = this.jdbc.queryForList("""
				SELECT coalesce(ro.code, 'null') FROM participation pn LEFT JOIN organization ro ON ro.id = pn.organization_id
				WHERE pn.role = 'PARTICIPANT' GROUP BY ro.code
				ORDER BY count(DISTINCT pn.participant_id) DESC, ro.code NULLS LAST LIMIT 3""", String.class);
		var groups = top.path("participation.breakdown").entity(GROUPS).get();
		assertThat(groups.stream().map(group -> GroupKeys.key(List.of(Dimension.ORGANIZATION), group).split("\\|")[0]))
			.containsExactlyElementsOf(expected);

		// language=GraphQL
		var regionsDesc = this.graphQl.document("""
				{ participation { breakdown(by: [REGION, GENDER], orderBy: [{by: REGION, direction: DESC}, {by: PARTICIPATIONS}]) {
				    region { code } gender participations } } }""").execute();
		var regions = regionsDesc.path("participation.breakdown[*].region.code").entityList(String.class).get();
		assertThat(regions.get(0)).isEqualTo("GE-SJ");
		var participations = regionsDesc.path("participation.breakdown[*].participations").entityList(Integer.class).get();
		var sj = regions.lastIndexOf("GE-SJ") + 1;
		assertThat(participations.subList(0, sj)).isSorted();

		// language=GraphQL
		this.graphQl.document("{ participation { breakdown(by: [GENDER], first: 0) { gender } } }").execute()
			.path("participation.breakdown").entityList(Object.class).hasSize(0);
	}

	@Test
	void shareIsOfTheTotalParticipants() {
		// language=GraphQL
		var response = this.graphQl.document("""
				{ participation(filter: {activities: ["TRN-2024-BAKURIANI"]}) {
				    breakdown(by: [REGION]) { share } } }""").execute();
		response.path("participation.breakdown[*].share").entityList(Double.class).containsExactly(0.5, 0.5);
		// language=GraphQL
		this.graphQl.document("{ participation { breakdown(by: [GENDER]) { participants share } } }").execute()
			.path("participation.breakdown").entity(GROUPS).satisfies(groups -> assertThat(groups)
				.allSatisfy(group -> assertThat((Double) group.get("share"))
					.isCloseTo(((Integer) group.get("participants")) / 310.0, org.assertj.core.data.Offset.offset(1e-12))));
	}

	private void assertBreakdown(List<Dimension> by, String filter, String where) {
		var document = "{ participation" + (filter == null ? "" : "(filter: " + filter + ")") + " { breakdown(by: ["
				+ String.join(", ", by.stream().map(Enum::name).toList()) + "]" + GroupKeys.arguments(by) + ") { "
				+ GroupKeys.selection(by) + " } } }";
		var groups = this.graphQl.document(document).execute().path("participation.breakdown").entity(GROUPS).get();
		var actual = groups.stream().map(group -> GroupKeys.key(by, group)).toList();
		assertThat(actual).as("breakdown by %s", by).containsExactlyInAnyOrderElementsOf(this.oracle.groups(by, where));
	}

	private void assertTotals(String filter, String where) {
		var response = this.graphQl.document("{ participation(filter: " + filter
				+ ") { totals { participations participants activities organizations } } }").execute();
		var totals = response.path("participation.totals").entity(Measures.class).get();
		assertThat(totals.participations() + "|" + totals.participants() + "|" + totals.activities() + "|"
				+ totals.organizations()).as("totals for %s", filter).isEqualTo(this.oracle.totals(where));
	}

}
