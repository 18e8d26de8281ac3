package org.kvali.iati;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.TestClock;
import org.kvali.access.Role;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The IATI file of the demo programme, element by element in the order of the IATI 2.03 activity schema. (The file
 * was also validated once by hand against the official iati-activities-schema.xsd; see the note on the issue.)
 */
@IntegrationTest
class IatiExportTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	Callers callers;

	/**
	 * The programme is the parent activity, holding its own results once; each project is a child activity linked to
	 * it. Both are reported by HEKS-EPER, which leads the projects, and their identifiers begin with its reference.
	 */
	@Test
	void theProgrammeIsTheParentOfItsProjectsAndHoldsItsResultsOnce() throws Exception {
		var root = document(null, "EU-CSO-EQUAL");
		assertThat(root.getTagName()).isEqualTo("iati-activities");
		// an XML client's usual Accept is served too (it was an empty 406)
		this.mvc.perform(get("/iati/activities.xml").param("programme", "EU-CSO-EQUAL").header("Accept", "text/xml"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/xml;charset=UTF-8"));
		assertThat(root.getAttribute("version")).isEqualTo("2.03");
		var activities = children(root, "iati-activity");
		assertThat(activities).extracting(activity -> text(children(activity, "iati-identifier").get(0)) + " "
				+ activity.getAttribute("hierarchy"))
			.containsExactly("HEKS-EPER-EU-CSO-EQUAL 1", "HEKS-EPER-CSO-CAPACITY 2", "HEKS-EPER-LOCAL-BUDGET 2");
		// no time of a last change, which the file's own time had stood for: each fetch read as a change of all
		assertThat(activities).noneMatch(activity -> activity.hasAttribute("last-updated-datetime"));

		var programme = activities.get(0);
		var expected = new ArrayList<>(List.of("iati-identifier", "reporting-org", "title", "description",
				"participating-org", "participating-org", "activity-status", "activity-date", "activity-date",
				"activity-date", "activity-date", "recipient-country", "sector", "related-activity", "related-activity"));
		for (int i = 0; i < 6; i++) {
			expected.add("result");
		}
		assertThat(names(programme)).containsExactlyElementsOf(expected);
		var reporting = children(programme, "reporting-org").get(0);
		assertThat(reporting.getAttribute("ref") + ":" + reporting.getAttribute("type")).isEqualTo("HEKS-EPER:21");
		// named, without an IATI identifier, by name alone: their codes given as identifiers were taken for others'
		assertThat(children(programme, "participating-org"))
			.extracting(e -> e.hasAttribute("ref") + ":" + text(children(e, "narrative").get(0)) + ":"
					+ e.getAttribute("role"))
			.containsExactly("false:" + name("EU") + ":1", "false:" + name("HEKS-EPER") + ":4");
		// the demo programme ended in 2025: its actual dates are its first activity's start and its last one's end,
		// and it is in finalisation, its results still reported (not closed)
		assertThat(children(programme, "activity-status").get(0).getAttribute("code")).isEqualTo("3");
		var span = this.jdbc.queryForObject("""
				SELECT min(a.start_date) || ' ' || max(a.end_date) FROM activity a JOIN project pj ON pj.id = a.project_id
				JOIN programme pg ON pg.id = pj.programme_id WHERE pg.code = 'EU-CSO-EQUAL'""", String.class).split(" ");
		assertThat(children(programme, "activity-date")).extracting(e -> e.getAttribute("type") + " "
				+ e.getAttribute("iso-date"))
			.containsExactly("1 2023-01-01", "2 " + span[0], "3 2025-12-31", "4 " + span[1]);
		assertThat(children(programme, "related-activity")).extracting(e -> e.getAttribute("ref") + ":" + e.getAttribute("type"))
			.containsExactly("HEKS-EPER-CSO-CAPACITY:2", "HEKS-EPER-LOCAL-BUDGET:2");

		var capacity = activities.get(1);
		var places = this.jdbc.queryForObject("""
				SELECT count(DISTINCT a.venue_municipality_code) FROM activity a JOIN project p ON p.id = a.project_id
				WHERE p.code = 'CSO-CAPACITY'""", Integer.class);
		expected = new ArrayList<>(List.of("iati-identifier", "reporting-org", "title", "description",
				"participating-org", "participating-org", "participating-org", "participating-org", "activity-status",
				"activity-date", "activity-date", "activity-date", "activity-date", "recipient-country"));
		for (int i = 0; i < places; i++) {
			expected.add("location");
		}
		expected.add("sector");
		expected.add("related-activity");
		assertThat(names(capacity)).containsExactlyElementsOf(expected);
		assertThat(children(capacity, "participating-org"))
			.extracting(e -> text(children(e, "narrative").get(0)) + ":" + e.getAttribute("type") + ":"
					+ e.getAttribute("role"))
			.containsExactly(name("EU") + "::1", name("HEKS-EPER") + ":21:4", name("CIF") + ":24:4",
					name("SCCSF") + ":24:4");
		assertThat(children(capacity, "related-activity")).extracting(e -> e.getAttribute("ref") + ":" + e.getAttribute("type"))
			.containsExactly("HEKS-EPER-EU-CSO-EQUAL:1");
		assertThat(children(capacity, "recipient-country").get(0).getAttribute("code")).isEqualTo("GE");
		assertThat(children(capacity, "sector").get(0).getAttribute("code")).isEqualTo("15150");
		assertThat(children(capacity, "location").get(0).getAttribute("ref")).isEqualTo("GE-IM-KUTAISI");

		var trained = children(programme, "result").stream()
			.filter(result -> children(children(result, "indicator").get(0), "reference").get(0).getAttribute("code")
				.equals("OUT-1.1"))
			.findFirst().orElseThrow();
		assertThat(trained.getAttribute("type")).isEqualTo("1");
		assertThat(trained.getAttribute("aggregation-status")).isEqualTo("0");
		var indicator = children(trained, "indicator").get(0);
		assertThat(names(indicator)).containsExactly("title", "description", "reference", "baseline", "period", "period",
				"period");
		assertThat(text(children(children(indicator, "description").get(0), "narrative").get(0))).isEqualTo("Distinct"
				+ " people who took part in the programme's trainings, each counted once from the programme's start."
				+ " Cumulative: each period's target and actual count from the start of the programme, not within the"
				+ " period alone.");
		assertThat(children(indicator, "baseline").get(0).getAttribute("value")).isEqualTo("0");
		var period2024 = children(indicator, "period").get(1);
		assertThat(names(period2024)).containsExactly("period-start", "period-end", "target", "actual", "actual",
				"actual");
		assertThat(children(period2024, "period-end").get(0).getAttribute("iso-date")).isEqualTo("2024-12-31");
		assertThat(children(period2024, "target").get(0).getAttribute("value")).isEqualTo("120");
		var actuals = children(period2024, "actual");
		assertThat(actuals.get(0).getAttribute("value")).isEqualTo("114");
		var women = this.jdbc.queryForObject("""
				SELECT count(DISTINCT pn.participant_id) FROM participation pn JOIN activity a ON a.id = pn.activity_id
				JOIN participant p ON p.id = pn.participant_id
				WHERE pn.role = 'PARTICIPANT' AND a.kind = 'TRAINING' AND a.start_date <= DATE '2024-12-31'
				  AND p.gender = 'FEMALE'""", Integer.class);
		assertThat(actuals.get(1).getAttribute("value")).isEqualTo(women.toString());
		var sex = children(actuals.get(1), "dimension").get(0);
		assertThat(sex.getAttribute("name") + "=" + sex.getAttribute("value")).isEqualTo("sex=female");

		// a share to two decimals, as published
		var shares = children(programme, "result").stream()
			.map(result -> children(result, "indicator").get(0))
			.filter(result -> children(result, "reference").get(0).getAttribute("code").equals("OUT-1.2"))
			.findFirst().orElseThrow();
		assertThat(children(shares, "period")).extracting(period -> children(period, "actual").get(0)
				.getAttribute("value"))
			.containsExactly("61.03");

		// values reported for periods without a target are given too, with their actual alone (OUTC-2's target is
		// for 2025; 3 and 4 were reported for 2023 and 2024, and were left out; cumulative, so 3, 7 and 11)
		var engaged = children(programme, "result").stream()
			.map(result -> children(result, "indicator").get(0))
			.filter(result -> children(result, "reference").get(0).getAttribute("code").equals("OUTC-2"))
			.findFirst().orElseThrow();
		assertThat(children(engaged, "period")).extracting(period -> children(period, "period-start").get(0)
				.getAttribute("iso-date") + " " + names(period) + " "
				+ children(period, "actual").get(0).getAttribute("value"))
			.containsExactly("2023-01-01 [period-start, period-end, actual] 3",
					"2024-01-01 [period-start, period-end, actual] 7",
					"2025-01-01 [period-start, period-end, target, actual] 11");
	}

	/**
	 * 2023's trainees: 41, of them 22 women and 17 men, so 2 of other or undisclosed gender. The file gives the
	 * total only, since the total minus women and men would tell those two: a donor's, and an admin's too, since the
	 * file is made to be published (an admin's gave all three).
	 */
	@Test
	void theFileLeavesOutASexSplitThatWouldTellAFewPeople() throws Exception {
		var donor = this.callers.secret(Role.DONOR);
		try {
			assertThat(this.jdbc.queryForList("""
					SELECT p.gender || ' ' || count(DISTINCT p.id) FROM participation pn
					JOIN activity a ON a.id = pn.activity_id JOIN participant p ON p.id = pn.participant_id
					WHERE pn.role = 'PARTICIPANT' AND a.kind = 'TRAINING' AND a.start_date <= DATE '2023-12-31'
					GROUP BY p.gender ORDER BY 1""", String.class))
				.containsExactly("FEMALE 22", "MALE 17", "OTHER 2");
			assertThat(actuals2023(null)).containsExactly("41");
			assertThat(actuals2023(donor)).containsExactly("41");
		}
		finally {
			this.callers.deleteKeys();
		}
	}

	/**
	 * A period's women and men are given only where the donor's own splits by gender show both: of 2025's young people
	 * (15 to 29), 87, its line by year and gender shows 47 women and 5 of another gender and withholds 34 men and 1
	 * undisclosed, so the file's 47 and 34 told that 1 (a tester's).
	 */
	@Test
	@SuppressWarnings("unchecked")
	void aSexSplitIsGivenOnlyWhereTheDonorsSplitsByGenderShowBoth() throws Exception {
		assertThat(this.jdbc.queryForList("""
				SELECT p.gender || ' ' || count(DISTINCT p.id) FROM participation pn
				JOIN activity a ON a.id = pn.activity_id JOIN participant p ON p.id = pn.participant_id
				WHERE pn.role = 'PARTICIPANT' AND extract(YEAR FROM a.start_date) = 2025
				  AND extract(YEAR FROM a.start_date) - p.birth_year BETWEEN 15 AND 29
				GROUP BY p.gender ORDER BY 1""", String.class))
			.containsExactly("FEMALE 47", "MALE 34", "OTHER 5", "UNDISCLOSED 1");
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-YOUNG", programme: "EU-CSO-EQUAL", name: "Young people",
				    level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, cumulative: false,
				    filter: {ages: {from: 15, to: 29}}}) { code } }""").execute().path("createIndicator.code").hasValue();
		this.graphQl.document("""
				mutation { setIndicatorTargets(code: "TI-YOUNG", targets: [{period: "2023", value: 50},
				    {period: "2024", value: 50}, {period: "2025", value: 50}]) { code } }""")
			.execute().path("setIndicatorTargets.code").hasValue();
		var donor = this.callers.secret(Role.DONOR);
		try {
			var shown = new HashMap<String, Object>();
			for (var group : this.graphQl.mutate().header("Authorization", "Bearer " + donor).build()
				.document("{ indicator(code: \"TI-YOUNG\") { disaggregate(by: [YEAR, GENDER]) {"
						+ " group { period { key } gender } value } } }")
				.execute().path("indicator.disaggregate").entityList(Map.class).get()) {
				var of = (Map<String, Object>) group.get("group");
				shown.put(((Map<String, Object>) of.get("period")).get("key") + " " + of.get("gender"),
						group.get("value"));
			}
			assertThat(shown).containsEntry("2025 FEMALE", 47.0).containsEntry("2025 OTHER", 5.0)
				.doesNotContainKey("2025 MALE");
			// split alone, the year shows what its line shows of it: its women (its own withheld 5 and 1, the line
			// 34 and 1: together they told the 1; a review's)
			assertThat(this.graphQl.mutate().header("Authorization", "Bearer " + donor).build()
				.document("{ indicator(code: \"TI-YOUNG\") { disaggregate(by: [GENDER], period: \"2025\") {"
						+ " group { gender } value } } }")
				.execute().path("indicator.disaggregate").entityList(Map.class).get())
				.extracting(group -> ((Map<?, ?>) group.get("group")).get("gender") + " " + group.get("value"))
				.containsExactly("FEMALE 47.0");
			var splits = new ArrayList<String>();
			for (var period : children(indicator(donor, "TI-YOUNG"), "period")) {
				var year = children(period, "period-start").get(0).getAttribute("iso-date").substring(0, 4);
				for (var actual : children(period, "actual").subList(1, children(period, "actual").size())) {
					var sex = children(actual, "dimension").get(0).getAttribute("value");
					var gender = sex.equals("female") ? "FEMALE" : sex.equals("male") ? "MALE" : sex;
					assertThat(Double.valueOf(actual.getAttribute("value"))).as("%s %s", year, gender)
						.isEqualTo(shown.get(year + " " + gender));
					splits.add(year + " " + gender);
				}
			}
			// split where the line shows both, 2025 not
			assertThat(splits).isNotEmpty().noneMatch(split -> split.startsWith("2025"));
			// a quarter's and a month's split show what their lines show of them (by quarter over the year; by month
			// over the year and over the quarter)
			var asDonor = this.graphQl.mutate().header("Authorization", "Bearer " + donor).build();
			for (var period : List.of("2025-Q1", "2025-01")) {
				var length = period.contains("Q") ? "QUARTER" : "MONTH";
				var alone = genders(asDonor, "disaggregate(by: [GENDER], period: \"" + period + "\")", null);
				var lines = new ArrayList<>(List.of(genders(asDonor, "disaggregate(by: [" + length + ", GENDER],"
						+ " period: \"2025\")", period)));
				if (length.equals("MONTH")) {
					lines.add(genders(asDonor, "disaggregate(by: [MONTH, GENDER], period: \"2025-Q1\")", period));
				}
				lines.forEach(line -> assertThat(line).as("%s in its line", period).containsAllEntriesOf(alone));
			}
			// a period is split by 3 dimensions at most, its line by 4
			asDonor.document("{ indicator(code: \"TI-YOUNG\") { disaggregate(by: [GENDER, REGION, DISABILITY,"
					+ " ACTIVITY_KIND], period: \"2025\") { value } } }")
				.execute()
				.errors()
				.expect(error -> "by".equals(error.getExtensions().get("argument")) && error.getMessage()
					.equals("A period is split for you by 3 dimensions at most: its groups are shown as its line of"
							+ " periods split by them shows them"))
				.verify();
		}
		finally {
			this.callers.deleteKeys();
			this.jdbc.update("DELETE FROM indicator WHERE code = 'TI-YOUNG'");
		}
	}

	/** TI-YOUNG's value of each gender in the split (of the period only, when given), as the tester sees it. */
	@SuppressWarnings("unchecked")
	private static Map<Object, Object> genders(HttpGraphQlTester tester, String split, String period) {
		var values = new HashMap<Object, Object>();
		for (var group : tester.document("{ indicator(code: \"TI-YOUNG\") { " + split + " { group { period { key }"
				+ " gender } value } } }").execute().path("indicator.disaggregate").entityList(Map.class).get()) {
			var of = (Map<String, Object>) group.get("group");
			var key = of.get("period") == null ? null : ((Map<String, Object>) of.get("period")).get("key");
			if (period == null || period.equals(key)) {
				values.put(of.get("gender"), group.get("value"));
			}
		}
		return values;
	}

	/**
	 * A partner's file is weighed as its answers are, by the people never at its organizations' activities: four
	 * made-up women with a disability of Bolnisi at an activity of CIF's, beside the one real woman of the demo, made
	 * the programme's count of such women 5, which the file CIF read told, as a donor's still does.
	 */
	@Test
	void aPartnersFileIsWeighedByThePeopleNeverAtItsActivities() throws Exception {
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "IE-FEW", programme: "EU-CSO-EQUAL", name: "Few",
				    level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, cumulative: true,
				    filter: {municipalities: ["GE-KK-BOLNISI"], disability: true, genders: [FEMALE]}}) { code }
				  setIndicatorTargets(code: "IE-FEW", targets: [{period: "2025", value: 10}]) { code } }""")
			.execute().errors().verify();
		var cif = this.callers.secret(Role.PARTNER, "CIF");
		var donor = this.callers.secret(Role.DONOR);
		try {
			assertThat(allActuals(null, "IE-FEW")).isEmpty();
			this.jdbc.update("""
					INSERT INTO activity (code, project_id, kind, title, start_date, end_date, organizer_id)
					SELECT 'IE-PAD', pj.id, 'MEETING', 'Made up', DATE '2025-10-10', DATE '2025-10-10', o.id
					FROM project pj, organization o WHERE pj.code = 'CSO-CAPACITY' AND o.code = 'CIF'""");
			this.jdbc.update("""
					INSERT INTO participant (ref, gender, disability, home_municipality_code)
					SELECT 'IE-PAD-' || n, 'FEMALE', true, 'GE-KK-BOLNISI' FROM generate_series(1, 4) n""");
			this.jdbc.update("""
					INSERT INTO participation (activity_id, participant_id)
					SELECT a.id, p.id FROM activity a, participant p
					WHERE a.code = 'IE-PAD' AND p.ref LIKE 'IE-PAD-%'""");
			assertThat(allActuals(null, "IE-FEW")).contains("5").isEqualTo(allActuals(donor, "IE-FEW"));
			assertThat(allActuals(cif, "IE-FEW")).isEmpty();
		}
		finally {
			forget("IE-PAD", "IE-FEW");
		}
	}

	/**
	 * A partner's file withholds what a donor's does, and more: its own people alone are no group shown in full there,
	 * as they are in its own answers. Two people of Kutaisi at CIF's activity there of 2025's first quarter, the only
	 * one there, beside others' 8, 9 and 6 in the next three, are withheld with the smallest other, 6: shown, the
	 * three others told CIF's file the 2 by the year's 25, which it may ask (a review's).
	 */
	@Test
	void aPartnersFileWithholdsTheQuartersADonorsDoes() throws Exception {
		var cif = this.callers.secret(Role.PARTNER, "CIF");
		var donor = this.callers.secret(Role.DONOR);
		var quarters = List.of("CIF 2025-02-10 2", "SCCSF 2025-05-10 8", "SCCSF 2025-08-10 9", "SCCSF 2025-11-10 6");
		try {
			this.graphQl.document("""
					mutation { createIndicator(input: {code: "IE-QUARTERS", programme: "EU-CSO-EQUAL", name: "Quarters",
					    level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, cumulative: false,
					    filter: {municipalities: ["GE-IM-KUTAISI"], venueMunicipalities: ["GE-IM-KUTAISI"]}}) { code }
					  setIndicatorTargets(code: "IE-QUARTERS", targets: [{period: "2025-Q1", value: 10},
					    {period: "2025-Q2", value: 10}, {period: "2025-Q3", value: 10}, {period: "2025-Q4", value: 10}])
					    { code } }""").execute().errors().verify();
			for (var quarter : quarters) {
				var fields = quarter.split(" ");
				var code = "IE-Q-" + fields[1];
				this.jdbc.update("""
						INSERT INTO activity (code, project_id, kind, title, start_date, end_date, organizer_id,
						                      venue_municipality_code)
						SELECT ?, pj.id, 'MEETING', 'Made up', CAST(? AS date), CAST(? AS date), o.id, 'GE-IM-KUTAISI'
						FROM project pj, organization o WHERE pj.code = 'CSO-CAPACITY' AND o.code = ?""", code,
						fields[1], fields[1], fields[0]);
				this.jdbc.update("""
						INSERT INTO participant (ref, gender, home_municipality_code)
						SELECT ? || '-' || n, 'FEMALE', 'GE-IM-KUTAISI' FROM generate_series(1, ?) n""", code,
						Integer.parseInt(fields[2]));
				this.jdbc.update("""
						INSERT INTO participation (activity_id, participant_id)
						SELECT a.id, p.id FROM activity a, participant p WHERE a.code = ? AND p.ref LIKE ? || '-%'""",
						code, code);
			}
			var donors = allActuals(donor, "IE-QUARTERS");
			assertThat(donors).containsExactly("8", "9");
			assertThat(allActuals(cif, "IE-QUARTERS")).isEqualTo(donors);
		}
		finally {
			forget("IE-Q-", "IE-QUARTERS");
		}
	}

	/**
	 * Removes the activities, people and participations a test made up, their codes and references beginning with
	 * {@code prefix}, the indicator and the keys.
	 */
	private void forget(String prefix, String indicator) {
		this.jdbc.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE ?)",
				prefix + "%");
		this.jdbc.update("DELETE FROM participant WHERE ref LIKE ?", prefix + "%");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE ?", prefix + "%");
		this.jdbc.update("DELETE FROM indicator WHERE code = ?", indicator);
		this.callers.deleteKeys();
	}

	/** The actual values of each period of an indicator in the export, as the key's holder gets it. */
	private List<String> allActuals(String key, String code) throws Exception {
		return children(indicator(key, code), "period").stream()
			.flatMap(period -> children(period, "actual").stream())
			.map(actual -> actual.getAttribute("value"))
			.toList();
	}

	/**
	 * IATI needs a baseline's year: without a date, that of the programme's start, where it measures its baseline,
	 * not of the export, nor of the first target (a tester's, with a first target years after the start).
	 */
	@Test
	void aBaselineWithoutADateIsOfTheProgrammesStart() throws Exception {
		this.jdbc.update("UPDATE indicator SET baseline_date = NULL WHERE code = 'OUT-1.1'");
		var first = "FROM indicator_target WHERE period_key = '2023' AND indicator_id = (SELECT id FROM indicator WHERE"
				+ " code = 'OUT-1.1')";
		var target = this.jdbc.queryForMap("SELECT indicator_id, period_start, period_end, value " + first);
		this.jdbc.update("DELETE " + first);
		try {
			var baseline = children(indicator(null, "OUT-1.1"), "baseline").get(0);
			assertThat(baseline.getAttribute("year")).isEqualTo("2023");
			assertThat(baseline.hasAttribute("iso-date")).isFalse();
			assertThat(children(indicator(null, "OUT-1.1"), "period").get(0).getElementsByTagName("period-start")
				.item(0).getAttributes().getNamedItem("iso-date").getNodeValue()).isEqualTo("2024-01-01");
		}
		finally {
			this.jdbc.update("INSERT INTO indicator_target (indicator_id, period_key, period_start, period_end, value)"
					+ " VALUES (?, '2023', ?, ?, ?)", target.get("indicator_id"), target.get("period_start"),
					target.get("period_end"), target.get("value"));
			this.jdbc.update("""
					UPDATE indicator i SET baseline_date = p.start_date FROM programme p
					WHERE p.id = i.programme_id AND i.code = 'OUT-1.1'""");
		}
	}

	/**
	 * Indicators counting organizations (OUTC-1) or activities (OUT-2.1) are not split by sex: those with a woman
	 * among them and those with a man add up to more than the count, and no part of it.
	 */
	@Test
	void onlyCountsOfPeopleAreSplitBySex() throws Exception {
		assertThat(actuals(null, "OUTC-1", 1)).hasSize(1);
		assertThat(actuals(null, "OUT-2.1", 0)).hasSize(1);
		assertThat(actuals(null, "OUT-1.1", 1)).hasSize(3);
	}

	/** The actual values of OUT-1.1 for 2023 in the export, as the key's holder (the tests' admin when null) gets it. */
	private List<String> actuals2023(String key) throws Exception {
		return actuals(key, "OUT-1.1", 0);
	}

	/** The actual values of an indicator's period (by its place) in the first activity of the export. */
	private List<String> actuals(String key, String code, int period) throws Exception {
		var periods = children(indicator(key, code), "period");
		return children(periods.get(period), "actual").stream().map(actual -> actual.getAttribute("value")).toList();
	}

	/** An indicator of the first activity of the export. */
	private Element indicator(String key, String code) throws Exception {
		var root = document(key, "EU-CSO-EQUAL");
		var result = children(children(root, "iati-activity").get(0), "result").stream()
			.filter(found -> children(children(found, "indicator").get(0), "reference").get(0).getAttribute("code")
				.equals(code))
			.findFirst().orElseThrow();
		return children(result, "indicator").get(0);
	}

	/** The programme's file as the key's holder (the tests' admin when null) gets it. */
	private Element document(String key, String programme) throws Exception {
		var request = get("/iati/activities.xml").param("programme", programme);
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		var body = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/xml;charset=UTF-8"))
			.andExpect(header().string("Vary", org.hamcrest.Matchers.containsString("Accept")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
	}

	/**
	 * A programme past its planned end with an activity still running has no actual end, and is in implementation: an
	 * earlier activity's end was published as the actual end (a reviewer's).
	 */
	@Test
	void aProgrammeWithAnActivityRunningHasNoActualEnd() throws Exception {
		try {
			this.jdbc.update("""
					INSERT INTO activity (code, project_id, kind, title, start_date, end_date, venue_municipality_code)
					SELECT 'TX-LATE', id, 'MEETING', 'Late', DATE '2025-12-01', CURRENT_DATE + 30, 'GE-KK-MARNEULI'
					FROM project WHERE code = 'CSO-CAPACITY'""");
			var programme = children(document(null, "EU-CSO-EQUAL"), "iati-activity").get(0);
			assertThat(children(programme, "activity-status").get(0).getAttribute("code")).isEqualTo("2");
			assertThat(children(programme, "activity-date")).extracting(e -> e.getAttribute("type"))
				.containsExactly("1", "2", "3");
		}
		finally {
			this.jdbc.update("DELETE FROM activity WHERE code = 'TX-LATE'");
		}
	}

	/**
	 * Organizations with an IATI identifier and type are named so: the donor by its identifier and type (it had no
	 * type), and the publisher's identifier begins the activities' identifiers, as IATI asks.
	 */
	@Test
	void organizationsAreNamedByTheirIatiIdentity() throws Exception {
		try {
			this.jdbc.update("UPDATE organization SET iati_ref = 'XM-DAC-99999', iati_type = '40' WHERE code = 'EU'");
			this.jdbc.update("UPDATE organization SET iati_ref = 'CH-TEST-1234' WHERE code = 'HEKS-EPER'");
			var programme = children(document(null, "EU-CSO-EQUAL"), "iati-activity").get(0);
			assertThat(text(children(programme, "iati-identifier").get(0))).isEqualTo("CH-TEST-1234-EU-CSO-EQUAL");
			var reporting = children(programme, "reporting-org").get(0);
			assertThat(reporting.getAttribute("ref") + ":" + reporting.getAttribute("type")).isEqualTo("CH-TEST-1234:21");
			assertThat(children(programme, "participating-org"))
				.extracting(e -> e.getAttribute("ref") + ":" + e.getAttribute("type") + ":" + e.getAttribute("role"))
				.containsExactly("XM-DAC-99999:40:1", "CH-TEST-1234:21:4");
		}
		finally {
			this.jdbc.update("UPDATE organization SET iati_ref = NULL, iati_type = NULL WHERE code IN ('EU', 'HEKS-EPER')");
		}
	}

	/**
	 * A programme yet to start: its activities are in the pipeline (status 1), and a period not begun has a target
	 * and no actual. Values are plain decimals, as IATI's are: 12500000.5 and 0.0001, not 1.25000005E7 and 1.0E-4. A
	 * project's participations per period may be added up with other projects' (aggregation status 1); its distinct
	 * people may not, as other projects and periods hold some of them too (0; it was 1: a tester's). A period is
	 * published as far as it lies within its activity's dates, the programme's or the project's (testers': the whole
	 * year of a programme's start, and a project's periods as the programme's).
	 */
	@Test
	void aProgrammeYetToStartIsInThePipelineWithTargetsAndNoActuals() throws Exception {
		this.clock.stopAt(Instant.parse("2026-06-01T08:00:00Z"));
		try {
			this.jdbc.update("""
					INSERT INTO programme (code, name, start_date, end_date, publisher_id)
					VALUES ('TX-FUT', 'Later', DATE '2030-09-15', DATE '2031-08-31',
					        (SELECT id FROM organization WHERE code = 'CIF'))""");
			this.jdbc.update("""
					INSERT INTO project (code, programme_id, name, lead_organization_id, start_date, end_date)
					SELECT 'TX-FUT-P', p.id, 'Later project', o.id, DATE '2030-10-01', DATE '2031-06-30'
					FROM programme p, organization o WHERE p.code = 'TX-FUT' AND o.code = 'CIF'""");
			this.jdbc.update("""
					INSERT INTO indicator (code, programme_id, project_id, name, level, unit, direction, method, measure,
					                       filter, baseline_value, cumulative)
					SELECT v.code, pg.id, pj.id, 'Reached', 'OUTPUT', 'NUMBER', 'HIGHER_IS_BETTER', 'COMPUTED',
					       v.measure, '{}', 0.0001, false
					FROM programme pg JOIN project pj ON pj.programme_id = pg.id,
					     (VALUES ('TX-REACH', 'PARTICIPATIONS'), ('TX-PEOPLE', 'PARTICIPANTS')) v (code, measure)
					WHERE pg.code = 'TX-FUT'""");
			// reported counts of what each period added may be added up too, reported levels not
			this.jdbc.update("""
					INSERT INTO indicator (code, programme_id, project_id, name, level, unit, direction, method,
					                       cumulative, latest_value)
					SELECT v.code, pg.id, pj.id, 'Councils', 'OUTCOME', 'NUMBER', 'HIGHER_IS_BETTER', 'REPORTED', false,
					       v.latest
					FROM programme pg JOIN project pj ON pj.programme_id = pg.id,
					     (VALUES ('TX-ADDED', false), ('TX-LEVEL', true)) v (code, latest)
					WHERE pg.code = 'TX-FUT'""");
			this.jdbc.update("""
					INSERT INTO indicator_target (indicator_id, period_key, period_start, period_end, value)
					SELECT id, v.period_key, v.period_start, v.period_end, 12500000.5 FROM indicator,
					       (VALUES ('2030', DATE '2030-01-01', DATE '2030-12-31'), ('2031', DATE '2031-01-01',
					                DATE '2031-12-31'), ('2029', DATE '2029-01-01', DATE '2029-12-31'))
					       v (period_key, period_start, period_end)
					WHERE code LIKE 'TX-%'""");
			var activities = children(document(null, "TX-FUT"), "iati-activity");
			assertThat(activities).extracting(activity -> text(children(activity, "iati-identifier").get(0)) + " "
					+ children(activity, "activity-status").get(0).getAttribute("code"))
				.containsExactly("CIF-TX-FUT 1", "CIF-TX-FUT-P 1");
			// planned dates alone: nothing began
			assertThat(children(activities.get(0), "activity-date")).extracting(e -> e.getAttribute("type"))
				.containsExactly("1", "3");
			assertThat(children(activities.get(0), "result")).isEmpty();
			assertThat(children(activities.get(1), "result")).extracting(r -> children(r, "indicator").get(0))
				.extracting(i -> children(i, "reference").get(0).getAttribute("code"))
				.containsExactly("TX-ADDED", "TX-LEVEL", "TX-PEOPLE", "TX-REACH");
			assertThat(children(activities.get(1), "result")).extracting(r -> r.getAttribute("aggregation-status"))
				.containsExactly("1", "0", "0", "1");
			var result = children(activities.get(1), "result").get(3);
			var indicator = children(result, "indicator").get(0);
			assertThat(children(indicator, "baseline").get(0).getAttribute("value")).isEqualTo("0.0001");
			// each period as far as it lies within the activity, the project here, whose values count within it; one
			// wholly outside it not at all (2029)
			assertThat(children(indicator, "period")).extracting(p -> children(p, "period-start").get(0)
				.getAttribute("iso-date") + " " + children(p, "period-end").get(0).getAttribute("iso-date"))
				.containsExactly("2030-10-01 2030-12-31", "2031-01-01 2031-06-30");
			var period = children(indicator, "period").get(0);
			assertThat(names(period)).containsExactly("period-start", "period-end", "target");
			assertThat(children(period, "target").get(0).getAttribute("value")).isEqualTo("12500000.5");
		}
		finally {
			this.jdbc.update("DELETE FROM indicator WHERE code IN ('TX-REACH', 'TX-PEOPLE', 'TX-ADDED', 'TX-LEVEL')");
			this.jdbc.update("DELETE FROM project WHERE code = 'TX-FUT-P'");
			this.jdbc.update("DELETE FROM programme WHERE code = 'TX-FUT'");
		}
	}

	/**
	 * The programme's identifier stays as published while its publisher does: a project whose code sorted first, led
	 * by another organization, made that organization the programme's reporting organization, and so a lead-less
	 * project's (a tester's). A project with a lead is reported by the publisher too, as IATI has one reporting
	 * organization in a file (a lead reported its own: a review's). An identifier names one activity, in the file
	 * and among every programme's files (a project coded as another programme was published in two: a tester's).
	 */
	@Test
	void theProgrammeAndProjectsWithoutALeadAreReportedByThePublisher() throws Exception {
		try {
			this.jdbc.update("""
					INSERT INTO project (code, programme_id, name, lead_organization_id)
					SELECT 'AAA-TX', p.id, 'First by code', o.id FROM programme p, organization o
					WHERE p.code = 'EU-CSO-EQUAL' AND o.code = 'SCCSF'""");
			this.jdbc.update("""
					INSERT INTO project (code, programme_id, name)
					SELECT 'AAA-TX-BARE', id, 'Without a lead' FROM programme WHERE code = 'EU-CSO-EQUAL'""");
			var activities = children(document(null, "EU-CSO-EQUAL"), "iati-activity");
			assertThat(activities).extracting(activity -> text(children(activity, "iati-identifier").get(0)) + " "
					+ children(activity, "reporting-org").get(0).getAttribute("ref"))
				.containsExactly("HEKS-EPER-EU-CSO-EQUAL HEKS-EPER", "HEKS-EPER-AAA-TX HEKS-EPER",
						"HEKS-EPER-AAA-TX-BARE HEKS-EPER", "HEKS-EPER-CSO-CAPACITY HEKS-EPER",
						"HEKS-EPER-LOCAL-BUDGET HEKS-EPER");
			// a project coded as its programme would share its identifier: refused, naming both
			this.jdbc.update("""
					INSERT INTO project (code, programme_id, name)
					SELECT 'EU-CSO-EQUAL', id, 'Same code' FROM programme WHERE code = 'EU-CSO-EQUAL'""");
			this.mvc.perform(get("/iati/activities.xml").param("programme", "EU-CSO-EQUAL"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string("The programme cannot be written as IATI activities: project EU-CSO-EQUAL "
						+ "and programme EU-CSO-EQUAL would both be identified as HEKS-EPER-EU-CSO-EQUAL: give one of "
						+ "them another code"));
			this.jdbc.update("DELETE FROM project WHERE code = 'EU-CSO-EQUAL'");
			// nor one of another programme's file, whatever the case: IATI would take the two for one activity
			this.jdbc.update("""
					INSERT INTO programme (code, name, start_date, end_date, publisher_id)
					SELECT 'cso-capacity', 'Another', DATE '2026-01-01', DATE '2026-12-31', id FROM organization
					WHERE code = 'HEKS-EPER'""");
			this.mvc.perform(get("/iati/activities.xml").param("programme", "EU-CSO-EQUAL"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string("The programme cannot be written as IATI activities: project CSO-CAPACITY "
						+ "would be identified as HEKS-EPER-CSO-CAPACITY, as programme cso-capacity is: give one of"
						+ " them another code"));
		}
		finally {
			this.jdbc.update("DELETE FROM project WHERE code IN ('AAA-TX', 'AAA-TX-BARE', 'EU-CSO-EQUAL')");
			this.jdbc.update("DELETE FROM programme WHERE code = 'cso-capacity'");
		}
	}

	/**
	 * What IATI requires and the data lacks is named, activity by activity, and no file is written: it was written
	 * without a reporting organization's reference of its own, a date or an organization taking part.
	 */
	@Test
	void aProgrammeIatiCannotCarryIsRefusedNamingWhatItLacks() throws Exception {
		try {
			this.jdbc.update("INSERT INTO programme (code, name) VALUES ('TX-BARE', 'Bare')");
			this.jdbc.update("""
					INSERT INTO project (code, programme_id, name)
					SELECT 'TX-BARE-P', id, 'Bare project' FROM programme WHERE code = 'TX-BARE'""");
			this.mvc.perform(get("/iati/activities.xml").param("programme", "TX-BARE"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string("The programme cannot be written as IATI activities: programme TX-BARE "
						+ "has no publisher, the organization reporting its IATI activities (updateProgramme's publisher); "
						+ "project TX-BARE-P has no organization taking part (no donor of the programme, no lead, no "
						+ "partner other than an associate); project TX-BARE-P has no start date, nor has its programme; "
						+ "programme TX-BARE has no organization taking part (no donor of the programme, no lead, no "
						+ "partner other than an associate); programme TX-BARE has no start date"));
			// an end alone is no start: the file had activities without one, which IATI's rules refuse
			this.jdbc.update("UPDATE programme SET end_date = DATE '2026-12-31' WHERE code = 'TX-BARE'");
			this.jdbc.update("UPDATE project SET start_date = DATE '2026-01-01' WHERE code = 'TX-BARE-P'");
			this.mvc.perform(get("/iati/activities.xml").param("programme", "TX-BARE"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(endsWith("; programme TX-BARE has no start date")))
				.andExpect(content().string(not(containsString(
						"project TX-BARE-P has no start date"))));
		}
		finally {
			this.jdbc.update("DELETE FROM project WHERE code = 'TX-BARE-P'");
			this.jdbc.update("DELETE FROM programme WHERE code = 'TX-BARE'");
		}
	}

	/** One programme is asked for, or the request is refused as the others are, in plain text. */
	@Test
	void noProgrammeOrSeveralAreRefused() throws Exception {
		this.mvc.perform(get("/iati/activities.xml"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("text/plain"))
			.andExpect(content().string("Give one programme by its code: /iati/activities.xml?programme=CODE"));
		this.mvc.perform(get("/iati/activities.xml").param("programme", "EU-CSO-EQUAL", "X"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string("Give one programme by its code: /iati/activities.xml?programme=CODE; 2 were "
					+ "given"));
		// another parameter too: one meant to narrow the file gave the whole of it (a tester's)
		this.mvc.perform(get("/iati/activities.xml").param("programme", "EU-CSO-EQUAL").param("project", "X"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string("Unknown parameter 'project': the file takes one, programme, the code of the"
					+ " programme"));
		// a cache-buster's and a campaign's tag are a client's, not questions (a review's)
		this.mvc.perform(get("/iati/activities.xml").param("programme", "EU-CSO-EQUAL").param("_", "1712345")
				.param("UTM_Source", "registry").param("fbclid", "x"))
			.andExpect(status().isOk());
		// empty, as none (a tester's: it was 404, no programme of the code '')
		this.mvc.perform(get("/iati/activities.xml").param("programme", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string("Give one programme by its code: /iati/activities.xml?programme=CODE"));
	}

	/**
	 * {@code q=0} says "not this one": a client taking neither XML type is refused as one taking JSON alone is (the
	 * file was sent), and one taking text/xml but not application/xml is sent text/xml.
	 */
	@Test
	void aClientTakingNoXmlIsRefused() throws Exception {
		for (var accept : List.of("application/json", "application/xml;q=0, text/xml;q=0", "application/xml;q=0")) {
			this.mvc.perform(get("/iati/activities.xml").param("programme", "EU-CSO-EQUAL").header("Accept", accept))
				.andExpect(status().isNotAcceptable())
				.andExpect(content().string("The request accepts only " + accept
						+ ": the file is application/xml or text/xml"));
		}
		// the most specific range decides a type's quality: */* takes text/xml, not the application/xml refused
		for (var accept : List.of("application/xml;q=0, text/xml", "application/xml;q=0, */*")) {
			this.mvc.perform(get("/iati/activities.xml").param("programme", "EU-CSO-EQUAL").header("Accept", accept))
				.andExpect(status().isOk())
				.andExpect(content().contentType("text/xml;charset=UTF-8"));
		}
	}

	/**
	 * An xs:dateTime has seconds: at a whole minute, OffsetDateTime's own text leaves them out. It is given in UTC: a
	 * validator that drops the offset took Tbilisi's 22:00+04:00 for four hours ahead, in the future.
	 */
	@Test
	void timesHaveTheirSecondsAtAWholeMinuteInUtc() throws Exception {
		var out = new java.io.StringWriter();
		new IatiDocument(out, java.time.OffsetDateTime.parse("2026-12-01T22:00:00+04:00")).write(List.of());
		assertThat(out.toString()).contains("generated-datetime=\"2026-12-01T18:00:00Z\"");
	}

	/** What XML cannot hold, stored before names refused it, is written as the sign of a lost character. */
	@Test
	void theFileHoldsOnlyWhatXmlCan() {
		assertThat(IatiDocument.xmlText("a\ufffeb\uffff\u0001\ud800 \u10e5\ud83d\ude00"))
			.isEqualTo("a\ufffdb\ufffd\ufffd\ufffd \u10e5\ud83d\ude00");
	}

	@Test
	void anUnknownProgrammeIsNotFound() throws Exception {
		this.mvc.perform(get("/iati/activities.xml").param("programme", "NOPE")).andExpect(status().isNotFound());
		// a code in another case names the stored spelling, as everywhere
		this.mvc.perform(get("/iati/activities.xml").param("programme", "eu-cso-equal"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("text/plain;charset=UTF-8"))
			.andExpect(content().string("No programme has the code 'eu-cso-equal'; it is written EU-CSO-EQUAL"));
	}

	/** PostgreSQL cannot compare a NUL: the code is refused before it is looked up (it was an internal error). */
	@Test
	void aProgrammeCodeWithANulIsRefused() throws Exception {
		this.mvc.perform(get("/iati/activities.xml").param("programme", "EU\0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string("The parameter programme holds the NUL character (\\u0000), which no code may contain"));
	}

	private static List<Element> children(Element parent, String name) {
		var found = new ArrayList<Element>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(name)) {
				found.add(element);
			}
		}
		return found;
	}

	private static List<String> names(Element parent) {
		var names = new ArrayList<String>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element) {
				names.add(element.getTagName());
			}
		}
		return names;
	}

	private String name(String organization) {
		return this.jdbc.queryForObject("SELECT name FROM organization WHERE code = ?", String.class, organization);
	}

	private static String text(Element element) {
		return element.getTextContent();
	}

}
