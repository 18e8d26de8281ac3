package org.kvali.access;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kvali.access.SuppressionFixture.cells;

/**
 * Small-cell suppression on the demo data, k = 5: exact cells for DONOR, and indicators' values and splits; a
 * partner's in {@link PartnerSuppressionTest}.
 */
@IntegrationTest
class SuppressionTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Callers callers;

	@Autowired
	JdbcTemplate jdbc;

	Map<String, HttpGraphQlTester> as;

	SuppressionFixture madeUp;

	@BeforeEach
	void callers() {
		this.madeUp = new SuppressionFixture(this.jdbc);
		this.as = SuppressionFixture.callers(this.callers);
	}

	@AfterEach
	void clean() {
		this.callers.deleteKeys();
		this.madeUp.clean();
	}

	@Test
	void aDonorSeesNeitherSmallMunicipalitiesNorTheNextSmallest() {
		var query = "{ participation(filter: {regions: [\"GE-SJ\"]}) { breakdown(by: [MUNICIPALITY]) { "
				+ "municipality { code } participants participations share suppressed } } }";
		for (int twice = 0; twice < 2; twice++) {
			assertThat(cells(this.as.get("donor"), query, "municipality")).containsExactly(
					"GE-SJ-ADIGENI 12 93", "GE-SJ-AKHALKALAKI 34 149", "GE-SJ-AKHALTSIKHE 34 149", "GE-SJ-BORJOMI 18 123",
					"GE-SJ-NINOTSMINDA 17 100");
		}
		assertThat(cells(this.as.get("analyst"), query, "municipality")).containsExactly("GE-SJ-ADIGENI 12 93",
				"GE-SJ-AKHALKALAKI 34 149", "GE-SJ-AKHALTSIKHE 34 149", "GE-SJ-ASPINDZA 10 85", "GE-SJ-BORJOMI 18 123",
				"GE-SJ-NINOTSMINDA 17 100", "- 3 7");
		// ordered by size and cut to six: only the groups shown are counted
		var top = "{ participation(filter: {regions: [\"GE-SJ\"]}) { breakdown(by: [MUNICIPALITY], first: 6, "
				+ "orderBy: [{by: PARTICIPANTS, direction: ASC}]) { municipality { code } participants participations "
				+ "suppressed } } }";
		assertThat(cells(this.as.get("donor"), top, "municipality")).containsExactly("GE-SJ-ADIGENI 12 93",
				"GE-SJ-NINOTSMINDA 17 100", "GE-SJ-BORJOMI 18 123", "GE-SJ-AKHALKALAKI 34 149",
				"GE-SJ-AKHALTSIKHE 34 149");
	}

	@Test
	void inTwoDimensionsEachRowAndColumnWithOneSuppressedGroupLosesAnother() {
		var query = "{ participation(filter: {regions: [\"GE-SJ\"]}) { breakdown(by: [DISABILITY, GENDER]) { "
				+ "disability gender participants participations suppressed } } }";
		assertThat(cells(this.as.get("donor"), query, "disability", "gender")).containsExactly("false FEMALE 64 373",
				"false MALE 36 184");
	}

	/**
	 * The groups withheld from a line add up to k or more: at WS-2025-BORJOMI, 14 people, 12 without a disability
	 * and 1 each with one and not known. Shown, the 12 told that two groups of 1 were withheld (one alone would have
	 * withheld a second): the one person with a disability. So are two genders of 1 each beside 9 women and 9 men.
	 */
	@Test
	void withheldGroupsAddUpToAtLeastK() {
		var disability = "{ participation(filter: {activities: [\"WS-2025-BORJOMI\"]}) { breakdown(by: [DISABILITY]) "
				+ "{ disability participants participations suppressed } } }";
		assertThat(cells(this.as.get("analyst"), disability, "disability")).containsExactly("false 12 12",
				"true 1 1", "null 1 1");
		assertThat(cells(this.as.get("donor"), disability, "disability")).isEmpty();
		var gender = "{ participation(filter: {activities: [\"TRN-2025-KK\"]}) { breakdown(by: [GENDER]) "
				+ "{ gender participants participations suppressed } } }";
		assertThat(cells(this.as.get("analyst"), gender, "gender")).containsExactly("FEMALE 9 9", "MALE 9 9",
				"OTHER 1 1", "UNDISCLOSED 1 1");
		assertThat(cells(this.as.get("donor"), gender, "gender")).containsExactly("MALE 9 9");
	}

	/**
	 * Withheld age bands are not listed, not even as withheld; nor the bands whose people, beside the totals, would
	 * tell those of the others: 48 men, of bands of 2, 19, 16, 10, 4 and 2 (some in two, their age crossing a band's
	 * edge between activities), shown as 19, 16 and 10 told 3 in none of those three.
	 */
	@Test
	void withheldGroupsAreLeftOut() {
		var query = "{ participation(filter: {regions: [\"GE-SJ\"], genders: [MALE]}) { totals { participants }"
				+ " breakdown(by: [AGE_BAND]) { ageBand participants participations suppressed } } }";
		this.as.get("analyst").document(query).execute().path("participation.totals.participants")
			.entity(Integer.class).isEqualTo(48);
		assertThat(cells(this.as.get("analyst"), query, "ageBand")).containsExactly("UNDER_18 2 3", "AGE_18_29 19 93",
				"AGE_30_44 16 68", "AGE_45_59 10 51", "AGE_60_PLUS 4 16", "UNKNOWN 2 17");
		assertThat(cells(this.as.get("donor"), query, "ageBand")).containsExactly("AGE_18_29 19 93",
				"AGE_30_44 16 68");
	}

	/**
	 * One woman with a disability from Tetritskaro: that her groups were listed, even withheld, told a donor her age
	 * band, her organization and every activity she attended.
	 */
	@Test
	void aBreakdownOfOnePersonShowsNothingOfThem() {
		var query = "{ participation(filter: {municipalities: [\"GE-KK-TETRITSKARO\"], genders: [FEMALE], disability: true}) "
				+ "{ totals { participants suppressed } breakdown(by: [ACTIVITY, AGE_BAND, ORGANIZATION]) { "
				+ "activity { code } ageBand organization { code } participants participations } } }";
		var donor = this.as.get("donor").document(query).execute();
		donor.path("participation.totals.suppressed").entity(Boolean.class).isEqualTo(true);
		donor.path("participation.breakdown").entityList(Object.class).hasSize(0);
		var analyst = this.as.get("analyst").document(query).execute();
		analyst.path("participation.totals.participants").entity(Integer.class).isEqualTo(1);
		analyst.path("participation.breakdown").entityList(Object.class).hasSize(6);
	}

	/**
	 * A total of none is suppressed as one of 1 to 4 is: shown as 0, it told a donor, activity by activity, which
	 * ones the person of gender OTHER from Marneuli attended.
	 */
	@Test
	void aTotalOfNoneIsSuppressedAsASmallOneIs() {
		var query = "{ participation(filter: {municipalities: [\"GE-KK-MARNEULI\"], genders: [OTHER], activities: [\"%s\"]})"
				+ " { totals { participants suppressed } } }";
		for (var activity : List.of("CMP-2025-MARNEULI", "WS-2023-AKHALTSIKHE")) {
			var donor = this.as.get("donor").document(query.formatted(activity)).execute();
			donor.path("participation.totals.suppressed").entity(Boolean.class).isEqualTo(true);
			donor.path("participation.totals.participants").valueIsNull();
		}
		this.as.get("analyst").document(query.formatted("CMP-2025-MARNEULI")).execute()
			.path("participation.totals.participants").entity(Integer.class).isEqualTo(1);
		this.as.get("analyst").document(query.formatted("WS-2023-AKHALTSIKHE")).execute()
			.path("participation.totals.participants").entity(Integer.class).isEqualTo(0);
		// a partner sees none where it asks of its own activities only, as it sees them in full
		var none = "{ participation(filter: {genders: [%s], activities: [%s]}) { totals { participants suppressed } } }";
		this.as.get("cif").document(none.formatted("OTHER", "\"CMP-2024-GARDABANI\"")).execute()
			.path("participation.totals.participants").entity(Integer.class).isEqualTo(0);
		this.as.get("cif").document(none.formatted("UNDISCLOSED", "\"WS-2023-AKHALTSIKHE\"")).execute()
			.path("participation.totals.suppressed").entity(Boolean.class).isEqualTo(true);
		var anywhere = "{ participation(filter: {municipalities: [\"GE-KK-MARNEULI\"], genders: [FEMALE], disability: true})"
				+ " { totals { participants suppressed } } }";
		this.as.get("analyst").document(anywhere).execute().path("participation.totals.participants")
			.entity(Integer.class).isEqualTo(0);
		this.as.get("cif").document(anywhere).execute().path("participation.totals.suppressed").entity(Boolean.class)
			.isEqualTo(true);
		// nor are no activities its own: another's activity on a day it did not start on was answered 0 in full, and
		// the days, venues and kinds tried told those of an activity hidden from the partner (a tester's)
		var elsewhen = "{ participation(filter: {activities: [\"TRN-2024-BAKURIANI\"], from: \"%s\", to: \"%s\"}) {"
				+ " totals { participants suppressed } } }";
		this.as.get("cif").document(elsewhen.formatted("2024-07-19", "2024-07-19")).execute()
			.path("participation.totals.suppressed").entity(Boolean.class).isEqualTo(true)
			.path("participation.totals.participants").valueIsNull();
	}

	@Test
	void smallTotalsAreSuppressedToo() {
		var query = "{ participation(filter: {activities: [\"CMP-2024-GARDABANI\"], genders: [UNDISCLOSED]}) { "
				+ "totals { participants participations activities organizations suppressed } } }";
		var donor = this.as.get("donor").document(query).execute();
		donor.path("participation.totals.suppressed").entity(Boolean.class).isEqualTo(true);
		for (var measure : List.of("participants", "participations", "activities", "organizations")) {
			donor.path("participation.totals." + measure).valueIsNull();
		}
		this.as.get("cif").document(query).execute().path("participation.totals.participants").entity(Integer.class)
			.isEqualTo(2);
	}

	@Test
	void anIndicatorSplitForADonorWithholdsTheValuesOfSuppressedGroups() {
		var query = "{ indicator(code: \"OUT-1.1\") { disaggregate(by: [GENDER]) { group { gender suppressed } value } } }";
		var donor = this.as.get("donor").document(query).execute();
		// the two small genders are left out
		donor.path("indicator.disaggregate[*].value").entityList(Double.class).containsExactly(83.0, 44.0);
		donor.path("indicator.disaggregate[*].group.suppressed").entityList(Boolean.class).containsExactly(false, false);
		var groups = this.as.get("donor")
			.document("{ indicator(code: \"OUT-1.1\") { disaggregate(by: [GENDER]) { group { participants participations"
					+ " activities organizations share } } } }")
			.execute();
		for (var measure : List.of("participants", "participations", "share")) {
			var shown = groups.path("indicator.disaggregate[*].group." + measure).entityList(Object.class).get();
			assertThat(shown).as(measure).hasSize(2).doesNotContainNull();
		}
		// by gender, as in a breakdown: each activity counted had a woman, or a man, however few
		for (var measure : List.of("activities", "organizations")) {
			var shown = groups.path("indicator.disaggregate[*].group." + measure).entityList(Object.class).get();
			assertThat(shown).as(measure).hasSize(2).containsOnlyNulls();
		}
		this.as.get("analyst").document(query).execute().path("indicator.disaggregate[*].value")
			.entityList(Double.class).containsExactly(83.0, 44.0, 4.0, 5.0);
	}

	/**
	 * A share of people with a disability split by disability: its groups without one and of unknown disability have
	 * none of its people by definition (the unknown failed with an internal error: a tester's).
	 */
	@Test
	void aShareSplitByTheDimensionItsFilterSelectsShowsTheOthersAtZero() {
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "SUP-FEW", programme: "EU-CSO-EQUAL", name: "Disability",
				    level: OUTPUT, unit: PERCENT, method: COMPUTED, measure: PARTICIPANTS,
				    filter: {disability: true}, denominatorFilter: {}}) { code } }""").execute();
		var query = "{ indicator(code: \"SUP-FEW\") { disaggregate(by: [DISABILITY]) { group { disability participants }"
				+ " value } } }";
		for (var caller : List.of("analyst", "donor")) {
			assertThat(this.as.get(caller).document(query).execute().path("indicator.disaggregate").entityList(Map.class)
				.get()).as(caller).extracting(Object::toString).containsExactly(
						"{group={disability=false, participants=0}, value=0.0}",
						"{group={disability=true, participants=16}, value=100.0}",
						"{group={disability=null, participants=0}, value=0.0}");
		}
	}

	/**
	 * A share's group at 100 % is withheld where its value asked alone is, unless its numerator holds its whole by
	 * definition: a share of people from Kvemo Kartli, not cumulative, whose 2023-Q3 was 77 of 77, was shown in the
	 * split by quarters while its actual was withheld (a tester's); its group of Kvemo Kartli by region is all of them
	 * by definition, shown, and so is each of its municipalities (a review's: they were withheld).
	 */
	@Test
	void aShareOfAllIsShownInASplitOnlyWhereItIsAllByDefinition() {
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "SUP-FEW", programme: "EU-CSO-EQUAL", name: "Kvemo Kartli",
				    level: OUTPUT, unit: PERCENT, method: COMPUTED, measure: PARTICIPANTS, cumulative: false,
				    filter: {regions: ["GE-KK"]}, denominatorFilter: {}}) { code } }""").execute();
		var query = """
				{ indicator(code: "SUP-FEW") { q3: actual(period: "2023-Q3")
				    quarters: disaggregate(by: [QUARTER], period: "2023") { group { period { key } participants } value }
				    regions: disaggregate(by: [REGION], period: "2023") { group { region { code } participants } value } } }""";
		var regions = ", regions=[{group={region={code=GE-KK}, participants=132}, value=100.0}, {group={region={code=GE-SJ},"
				+ " participants=0}, value=0.0}]}";
		var first = "{group={period={key=2023-Q1}, participants=27}, value=39.130434782608695}";
		var last = "{group={period={key=2023-Q4}, participants=56}, value=47.05882352941177}]";
		assertThat(this.as.get("analyst").document(query).execute().path("indicator").entity(Map.class).get())
			.hasToString("{q3=100.0, quarters=[" + first + ", {group={period={key=2023-Q2}, participants=30},"
					+ " value=46.15384615384615}, {group={period={key=2023-Q3}, participants=77}, value=100.0}, " + last
					+ regions);
		// left out alone, the third would be the year's less the others: the second, 30 of 65, the smallest whole
		// beside it, goes with it
		assertThat(this.as.get("donor").document(query).execute().path("indicator").entity(Map.class).get())
			.hasToString("{q3=null, quarters=[" + first + ", " + last + regions);
		// each municipality of Kvemo Kartli is within it by definition, at 100 %; those of Samtskhe-Javakheti are out
		// of it, at 0 % (a tester's were withheld as a numerator of none)
		var municipalities = this.as.get("donor").document("{ indicator(code: \"SUP-FEW\") { disaggregate(by:"
				+ " [MUNICIPALITY], period: \"2023\") { group { municipality { code } } value } } }").execute()
			.path("indicator.disaggregate").entityList(Map.class).get();
		assertThat(municipalities).extracting(Object::toString)
			.contains("{group={municipality={code=GE-KK-MARNEULI}}, value=100.0}",
					"{group={municipality={code=GE-SJ-AKHALTSIKHE}}, value=0.0}")
			.allMatch(group -> group.contains("GE-KK-") && group.endsWith("value=100.0}")
					|| group.contains("GE-SJ-") && group.endsWith("value=0.0}"));
	}

	/**
	 * OUT-1.2 to the end of 2024 (cumulative) by quarter and age band (a tester's): of 18 to 29, 24 women of 35, so 11
	 * others, and of 30 to 44, 24 of 36, so 12 others; the third quarter of 2024 alone shown in each row (18 of 26 and 17 of 25)
	 * told 3 and 4 others who came in no third quarter. Each is left out with the others of its row, and so nothing
	 * is shown.
	 */
	@Test
	void aSharesRowIsWeighedAgainstTheSplitByItsOtherDimensions() {
		var split = "{ indicator(code: \"OUT-1.2\") { disaggregate(by: [%s], period: \"2024\") { group {"
				+ " period { key } ageBand participants } value } } }";
		var bands = this.as.get("donor").document(split.formatted("AGE_BAND")).execute().path("indicator.disaggregate")
			.entityList(Map.class).get();
		assertThat(bands).extracting(Object::toString).containsExactly(
				"{group={period=null, ageBand=AGE_18_29, participants=24}, value=68.57142857142857}",
				"{group={period=null, ageBand=AGE_30_44, participants=24}, value=66.66666666666667}",
				"{group={period=null, ageBand=AGE_45_59, participants=13}, value=61.904761904761905}",
				"{group={period=null, ageBand=AGE_60_PLUS, participants=5}, value=45.45454545454545}");
		assertThat(this.as.get("analyst").document(split.formatted("QUARTER, AGE_BAND")).execute()
			.path("indicator.disaggregate").entityList(Map.class).get()).extracting(Object::toString).contains(
				"{group={period={key=2024-Q3}, ageBand=AGE_18_29, participants=18}, value=69.23076923076923}",
				"{group={period={key=2024-Q3}, ageBand=AGE_30_44, participants=17}, value=68.0}");
		assertThat(this.as.get("donor").document(split.formatted("QUARTER, AGE_BAND")).execute()
			.path("indicator.disaggregate").entityList(Map.class).get()).isEmpty();
	}

	@Test
	void anIndicatorValueOverTooFewPeopleIsWithheldFromADonor() {
		// two people, the undisclosed gender at one campaign of 2024, counted from the programme start (cumulative)
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "SUP-FEW", programme: "EU-CSO-EQUAL", name: "Few",
				    level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS,
				    filter: {activities: ["CMP-2024-GARDABANI"], genders: [UNDISCLOSED]}}) { code } }""").execute();
		var query = "{ indicator(code: \"SUP-FEW\") { actual series(granularity: YEAR) { period { key } actual } } }";
		var donor = this.as.get("donor").document(query).execute();
		donor.path("indicator.actual").valueIsNull();
		// none in 2023 is withheld as 1 to 4 are: asked year by year (or day by day), a 0 told when the first came
		donor.path("indicator.series[*].actual").entityList(Double.class).containsExactly(null, null, null);
		var analyst = this.as.get("analyst").document(query).execute();
		analyst.path("indicator.actual").entity(Double.class).isEqualTo(2.0);
		analyst.path("indicator.series[*].actual").entityList(Double.class).containsExactly(0.0, 2.0, 2.0);
		this.as.get("cif").document(query).execute().path("indicator.actual").entity(Double.class).isEqualTo(2.0);
		// with a target, a withheld actual gives no status rather than one computed from nothing
		this.graphQl.document("mutation { setIndicatorTargets(code: \"SUP-FEW\", targets: [{period: \"2025\", value: 10}]) "
				+ "{ code } }").execute();
		var status = "{ indicator(code: \"SUP-FEW\") { status(asOf: \"2025-06-30\") } }";
		this.as.get("donor").document(status).execute().path("indicator.status").valueIsNull();
		this.as.get("analyst").document(status).execute().path("indicator.status").entity(String.class)
			.isEqualTo("OFF_TRACK");
		this.as.get("sccsf").document(query).execute().path("indicator.actual").valueIsNull();
	}

	/**
	 * A period's value asked on its own is shown to a donor as its group in the breakdown of the year by such periods,
	 * so the year and the other quarters do not tell a small one (a tester's: 2025 at 25, its second to fourth
	 * quarters at 8, 9 and 6, so 2 in the first). Participations of people with a disability, by quarter. 2025's 15
	 * people came in quarters of 2, 7, 7 and 6: the second and third shown beside the year's people told 1 who came
	 * in neither, so only the third is; 2023's 13 in 6, 3, 5 and 4, the first and third beside them 2.
	 */
	@Test
	void aDonorsPeriodValueIsItsGroupInTheYearsBreakdown() {
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "SUP-FEW", programme: "EU-CSO-EQUAL", name: "Few",
				    level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPATIONS, cumulative: false,
				    filter: {disability: true}}) { code } }""").execute();
		var query = """
				{ indicator(code: "SUP-FEW") { y: actual(period: "2025") q1: actual(period: "2025-Q1")
				    q2: actual(period: "2025-Q2") q3: actual(period: "2025-Q3") q4: actual(period: "2025-Q4")
				    series(granularity: QUARTER) { period { key } actual }
				    disaggregate(by: [QUARTER], period: "2025") { group { period { key } } value } } }""";
		var analyst = this.as.get("analyst").document(query).execute();
		analyst.path("indicator.y").entity(Double.class).isEqualTo(25.0);
		analyst.path("indicator.series[*].actual").entityList(Double.class)
			.containsExactly(7.0, 3.0, 5.0, 5.0, 7.0, 3.0, 10.0, 1.0, 2.0, 8.0, 9.0, 6.0);
		var donor = this.as.get("donor").document(query).execute();
		donor.path("indicator.y").entity(Double.class).isEqualTo(25.0);
		// the first quarter's 2 and the fourth's 6 beside it, as the breakdown withholds them, and the second
		donor.path("indicator.disaggregate[*].group.period.key").entityList(String.class)
			.containsExactly("2025-Q3");
		donor.path("indicator.q1").valueIsNull();
		donor.path("indicator.q2").valueIsNull();
		donor.path("indicator.q3").entity(Double.class).isEqualTo(9.0);
		donor.path("indicator.q4").valueIsNull();
		// each year's quarters as its breakdown by quarter shows them: 2023's 3 and 5 and two beside them, 2024's 3
		// and 1 and its 7 beside them
		donor.path("indicator.series[*].period.key").entityList(String.class).hasSize(12);
		donor.path("indicator.series[*].actual").entityList(Double.class)
			.containsExactly(7.0, null, null, null, null, null, 10.0, null, null, null, 9.0, null);
	}

	/**
	 * OUT-1.2, the share of women among trainees, by municipality (6 of 13 in Bolnisi). For a donor a group is left out where the women or
	 * the whole are suppressed, and also where the men (the whole minus the women) number 1 to 4: Gardabani 5 of 9,
	 * Tetritskaro 5 of 7, Akhaltsikhe 12 of 16, Borjomi 10 of 12. Adigeni's whole is the second smallest after
	 * Dmanisi's 4 and so suppressed too: listed with its women, as it was, it told its whole, which the breakdown
	 * withholds, as the women plus the men. Where the women are withheld (Dmanisi, Tsalka, Aspindza, Ninotsminda),
	 * the group is left out too.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void aShareIsLeftOutWhereTheRestOfItsWholeIsSmall() {
		var query = "{ indicator(code: \"OUT-1.2\") { disaggregate(by: [MUNICIPALITY]) { group { municipality { code } "
				+ "participants } value } } }";
		List<Map<String, Object>> groups = this.as.get("donor").document(query).execute()
			.path("indicator.disaggregate").entity(List.class).get();
		var values = groups.stream().map(group -> {
			var shown = (Map<String, Object>) group.get("group");
			return ((Map<String, Object>) shown.get("municipality")).get("code") + " " + shown.get("participants") + " "
					+ String.format(java.util.Locale.ROOT, "%.2f", (Double) group.get("value"));
		}).toList();
		assertThat(values).containsExactly("GE-KK-BOLNISI 6 46.15", "GE-KK-MARNEULI 9 56.25", "GE-KK-RUSTAVI 8 57.14",
				"GE-SJ-AKHALKALAKI 10 50.00");
		assertThat(this.as.get("analyst").document(query).execute().path("indicator.disaggregate").entity(List.class)
			.get()).hasSize(13);
	}

	/**
	 * A split share adds up to the indicator's whole: one group left out alone was the whole minus the others (a
	 * tester's, by disability: the women trained with a disability, from the actual and the groups without a
	 * disability and not known). Here the 4 with a disability are left out, and so the 8 not known with them.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void aShareLeftOutAloneTakesTheNextSmallestWithIt() {
		var query = "{ indicator(code: \"OUT-1.2\") { disaggregate(by: [DISABILITY]) { group { disability participants }"
				+ " value } } }";
		List<Map<String, Object>> donor = this.as.get("donor").document(query).execute()
			.path("indicator.disaggregate").entity(List.class).get();
		assertThat(donor).extracting(group -> ((Map<String, Object>) group.get("group")).get("disability") + " "
				+ ((Map<String, Object>) group.get("group")).get("participants"))
			.containsExactly("false 71");
		this.as.get("analyst").document(query).execute().path("indicator.disaggregate[*].group.participants")
			.entityList(Integer.class).containsExactly(71, 4, 8);
	}

	/**
	 * The men's groups of a split share of women have none of the numerator by its definition: a 0 that tells nothing,
	 * shown at 0 % (left out, as a 0 that might have been 1 to 4 is, it took each municipality's women along: the
	 * review's). The women's groups a donor sees are those the breakdown of the whole by municipality and gender
	 * shows: Bolnisi's 6 hide beside its 1 of undisclosed gender, the next smallest after it (its men are 7). Adigeni's
	 * 6, with no one beside them, are its whole, which the split by municipality withholds beside Dmanisi's: shown,
	 * they told it, and are left out too. An analyst sees every group.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void aShareSplitShowsGroupsWithNoneOfTheNumeratorByDefinitionAtZero() {
		var query = "{ indicator(code: \"OUT-1.2\") { disaggregate(by: [MUNICIPALITY, GENDER]) { group { municipality"
				+ " { code } gender participants } value } } }";
		var byCaller = new java.util.HashMap<String, List<String>>();
		for (var caller : List.of("donor", "analyst")) {
			List<Map<String, Object>> groups = this.as.get(caller).document(query).execute()
				.path("indicator.disaggregate").entity(List.class).get();
			byCaller.put(caller, groups.stream().map(group -> {
				var g = (Map<String, Object>) group.get("group");
				return ((Map<String, Object>) g.get("municipality")).get("code") + " " + g.get("gender") + " "
						+ g.get("participants") + " " + group.get("value");
			}).toList());
		}
		assertThat(byCaller.get("donor")).filteredOn(group -> group.contains(" MALE ")).isNotEmpty()
			.allMatch(group -> group.endsWith(" 0 0.0"));
		assertThat(byCaller.get("donor")).filteredOn(group -> group.contains(" FEMALE "))
			.extracting(group -> group.substring(0, group.indexOf(' ')))
			.containsExactly("GE-KK-MARNEULI", "GE-KK-RUSTAVI", "GE-SJ-AKHALKALAKI");
		assertThat(byCaller.get("analyst")).containsAll(byCaller.get("donor"));
	}

	/**
	 * A donor attacked a one-person meeting: of 6 activities named with a filter for a disability, 6 counted told that
	 * its person has one, in a single answer. Where a question selects or groups people by what they are, distinct
	 * activities and organizations are withheld from a donor, and ordering by them is refused; over activities alone
	 * they are told. An analyst, and a partner over its own activities, see them.
	 */
	@Test
	void distinctActivitiesAndOrganizationsAreWithheldWhereAQuestionIsAboutPeople() {
		var query = """
				{ a: participation(filter: {activityKinds: [TRAINING]}) { totals { participants activities organizations }
				    breakdown(by: [VENUE_REGION]) { participants activities organizations } }
				  b: participation(filter: {genders: [FEMALE]}) { totals { participants activities organizations }
				    breakdown(by: [PROJECT]) { participants activities organizations } }
				  c: participation(filter: {activityKinds: [TRAINING]}) {
				    breakdown(by: [GENDER]) { participants activities organizations } } }""";
		var donor = this.as.get("donor").document(query).execute();
		donor.path("a.totals.activities").entity(Integer.class).isEqualTo(7);
		donor.path("a.totals.organizations").entity(Integer.class).isEqualTo(37);
		donor.path("a.breakdown[*].activities").entityList(Integer.class).containsExactly(3, 4);
		donor.path("a.breakdown[*].organizations").entityList(Integer.class).containsExactly(17, 33);
		donor.path("b.totals.participants").entity(Integer.class).isEqualTo(174);
		donor.path("b.totals.activities").valueIsNull();
		donor.path("b.totals.organizations").valueIsNull();
		donor.path("b.breakdown[*].participants").entityList(Integer.class).containsExactly(155, 167);
		donor.path("b.breakdown[0].activities").valueIsNull();
		donor.path("b.breakdown[1].organizations").valueIsNull();
		donor.path("c.breakdown[0].participants").entity(Integer.class).isEqualTo(83);
		donor.path("c.breakdown[0].activities").valueIsNull();
		var analyst = this.as.get("analyst").document(query).execute();
		analyst.path("b.totals.activities").entity(Integer.class).isEqualTo(101);
		analyst.path("b.breakdown[*].activities").entityList(Integer.class).containsExactly(47, 54);
		analyst.path("c.breakdown[0].activities").entity(Integer.class).isEqualTo(7);
		this.as.get("donor")
			.document("{ participation { breakdown(by: [GENDER], orderBy: [{by: ACTIVITIES}]) { participants } } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("Cannot order by ACTIVITIES: distinct activities are withheld"
					+ " from you where a question selects or groups people by what they are (gender, age,"
					+ " disability, home region or municipality, organization or its kind)"))
			.verify();
		// named organizations are not: 2 counted of a large one and a one-person one told whether that one came
		var named = "{ participation(filter: {organizations: [\"CSO-AKHALKALAKI-1\", \"CSO-MARNEULI-1\"]}) { totals {"
				+ " participants organizations } } }";
		this.as.get("donor").document(named).execute().path("participation.totals.organizations").valueIsNull();
		this.as.get("analyst").document(named).execute().path("participation.totals.organizations")
			.entity(Integer.class).isEqualTo(2);
		// organizations over organizations' kinds are no one's attributes: told; activities there are
		var kinds = "{ participation(filter: {organizationKinds: [CSO]}) { totals { activities organizations } } }";
		var told = this.as.get("donor").document(kinds).execute();
		told.path("participation.totals.activities").valueIsNull();
		told.path("participation.totals.organizations").entity(Integer.class).isEqualTo(26);
		this.as.get("analyst").document(kinds).execute().path("participation.totals.organizations")
			.entity(Integer.class).isEqualTo(26);
		this.as.get("donor")
			.document("{ participation { breakdown(by: [PROJECT], orderBy: [{by: ACTIVITIES}]) { activities } } }")
			.execute()
			.path("participation.breakdown[*].activities")
			.entityList(Integer.class)
			.containsExactly(47, 54);
		var own = "{ participation(filter: {organizers: [\"CIF\"], genders: [FEMALE]}) { totals { activities } } }";
		// women came to each of CIF's 32 activities
		this.as.get("cif").document(own).execute().path("participation.totals.activities").entity(Integer.class)
			.isEqualTo(32);
		this.as.get("analyst").document(own).execute().path("participation.totals.activities").entity(Integer.class)
			.isEqualTo(32);
		this.as.get("sccsf").document(own).execute().path("participation.totals.activities").valueIsNull();
	}

	/**
	 * An organization represented at a project's activities by 1 to 4 people is not listed to a donor as taking part
	 * in it (a tester's: a group of two members was listed, telling that one of them attended), nor to a partner
	 * outside its own activities. Leads, partners and organizers stay listed; an analyst sees every organization
	 * represented.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void aDonorListsOrganizationsRepresentedAtAProjectByAtLeastK() {
		var query = "{ organizations(first: 100, filter: {project: \"LOCAL-BUDGET\"}) { totalCount edges { node { code } } } }";
		var analyst = this.as.get("analyst").document(query).execute();
		analyst.path("organizations.totalCount").entity(Integer.class).isEqualTo(54);
		var donor = this.as.get("donor").document(query).execute();
		donor.path("organizations.totalCount").entity(Integer.class).isEqualTo(42);
		List<String> codes = donor.path("organizations.edges[*].node.code").entity(List.class).get();
		assertThat(codes).contains("HEKS-EPER", "CIF").doesNotContain("AG-TSALKA", "AG-DMANISI", "AG-ASPINDZA");
		assertThat((List<String>) analyst.path("organizations.edges[*].node.code").entity(List.class).get())
			.contains("AG-TSALKA", "AG-DMANISI", "AG-ASPINDZA");
		// a partner, likewise outside the activities its organizations run; at those, one person is enough (the 6
		// CIF hosted, SCCSF's 6 not: 48, counted by a separate query in psql)
		var cif = this.as.get("cif").document(query).execute();
		cif.path("organizations.totalCount").entity(Integer.class).isEqualTo(48);
		assertThat((List<String>) cif.path("organizations.edges[*].node.code").entity(List.class).get())
			.contains("AG-TSALKA", "AG-DMANISI", "CSO-TSALKA-1")
			.doesNotContain("AG-ASPINDZA", "CSO-NINOTSMINDA-2");
	}

	/**
	 * Indicators that count activities or organizations follow the rule of a breakdown (a tester's donor read, in a
	 * split by disability, the activities of a quarter's one small training). OUTC-1 counts organizations of two
	 * kinds: its actual is told, its split by gender not; OUT-2.1 counts activities alone, and is told at 0 too.
	 */
	@Test
	void indicatorsCountingActivitiesOrOrganizationsFollowTheBreakdownsRule() {
		var query = """
				{ outc: indicator(code: "OUTC-1") { actual
				    disaggregate(by: [GENDER]) { group { gender participants activities organizations } value } }
				  out: indicator(code: "OUT-2.1") { actual(period: "2023-Q2") } }""";
		var donor = this.as.get("donor").document(query).execute();
		var analyst = this.as.get("analyst").document(query).execute();
		donor.path("outc.actual").entity(Double.class).isEqualTo(38.0);
		analyst.path("outc.actual").entity(Double.class).isEqualTo(38.0);
		donor.path("outc.disaggregate[*].value").entityList(Object.class).satisfies(values -> assertThat(values)
			.isNotEmpty()
			.containsOnlyNulls());
		donor.path("outc.disaggregate[*].group.activities").entityList(Object.class)
			.satisfies(values -> assertThat(values).containsOnlyNulls());
		donor.path("outc.disaggregate[*].group.organizations").entityList(Object.class)
			.satisfies(values -> assertThat(values).containsOnlyNulls());
		analyst.path("outc.disaggregate[?(@.group.gender == 'OTHER')].value").entityList(Double.class)
			.containsExactly(9.0);
		donor.path("out.actual").entity(Double.class).isEqualTo(0.0);
		analyst.path("out.actual").entity(Double.class).isEqualTo(0.0);
	}

	/**
	 * A share of activities whose whole is about people (trainings per activity a woman attended) is withheld from a
	 * donor, its actual and its split alike: the split over activity kinds asked only its numerator, about activities
	 * alone, and told per kind how many activities a woman attended.
	 */
	@Test
	void aShareOfActivitiesOverAWholeAboutPeopleIsWithheldInItsSplitToo() {
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "SUP-FEW", programme: "EU-CSO-EQUAL", name: "Trainings",
				    level: OUTPUT, unit: PERCENT, method: COMPUTED, measure: ACTIVITIES,
				    filter: {activityKinds: [TRAINING]}, denominatorFilter: {genders: [FEMALE]}}) { code } }""").execute();
		var query = """
				{ indicator(code: "SUP-FEW") { actual
				    disaggregate(by: [ACTIVITY_KIND]) { group { activityKind activities } value } } }""";
		var donor = this.as.get("donor").document(query).execute();
		donor.path("indicator.actual").valueIsNull();
		donor.path("indicator.disaggregate[*].value").entityList(Object.class)
			.satisfies(values -> assertThat(values).isNotEmpty().containsOnlyNulls());
		donor.path("indicator.disaggregate[*].group.activities").entityList(Object.class)
			.satisfies(values -> assertThat(values).containsOnlyNulls());
		var analyst = this.as.get("analyst").document(query).execute();
		analyst.path("indicator.disaggregate[?(@.group.activityKind == 'TRAINING')].value").entityList(Double.class)
			.containsExactly(100.0);
		analyst.path("indicator.disaggregate[*].value").entityList(Double.class)
			.containsExactly(0.0, 0.0, 0.0, 0.0, 100.0, 0.0);
	}

}
