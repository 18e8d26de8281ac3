package org.kvali.iati;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.access.ApiKeyService;
import org.kvali.access.Role;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
	JdbcTemplate jdbc;

	@Autowired
	ApiKeyService keys;

	@Test
	void oneActivityPerProjectWithOrganizationsLocationsSectorAndResults() throws Exception {
		var body = this.mvc.perform(get("/iati/activities.xml").param("programme", "EU-CSO-EQUAL"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		var root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
		assertThat(root.getTagName()).isEqualTo("iati-activities");
		assertThat(root.getAttribute("version")).isEqualTo("2.03");
		var activities = children(root, "iati-activity");
		assertThat(activities).hasSize(2);

		var capacity = activities.get(0);
		assertThat(text(children(capacity, "iati-identifier").get(0))).isEqualTo("EU-CSO-EQUAL-CSO-CAPACITY");
		var places = this.jdbc.queryForObject("""
				SELECT count(DISTINCT a.venue_municipality_code) FROM activity a JOIN project p ON p.id = a.project_id
				WHERE p.code = 'CSO-CAPACITY'""", Integer.class);
		var expected = new ArrayList<>(List.of("iati-identifier", "reporting-org", "title", "description",
				"participating-org", "participating-org", "participating-org", "participating-org", "activity-status",
				"activity-date", "activity-date", "recipient-country"));
		for (int i = 0; i < places; i++) {
			expected.add("location");
		}
		expected.add("sector");
		for (int i = 0; i < 6; i++) {
			expected.add("result");
		}
		assertThat(names(capacity)).containsExactlyElementsOf(expected);
		assertThat(children(capacity, "participating-org")).extracting(e -> e.getAttribute("ref") + ":" + e.getAttribute("role"))
			.containsExactly("EU:1", "HEKS-EPER:4", "CIF:4", "SCCSF:4");
		assertThat(children(capacity, "recipient-country").get(0).getAttribute("code")).isEqualTo("GE");
		assertThat(children(capacity, "sector").get(0).getAttribute("code")).isEqualTo("15150");
		assertThat(children(capacity, "location").get(0).getAttribute("ref")).isEqualTo("GE-IM-KUTAISI");

		var trained = children(capacity, "result").stream()
			.filter(result -> children(children(result, "indicator").get(0), "reference").get(0).getAttribute("code")
				.equals("OUT-1.1"))
			.findFirst().orElseThrow();
		assertThat(trained.getAttribute("type")).isEqualTo("1");
		assertThat(trained.getAttribute("aggregation-status")).isEqualTo("0");
		var indicator = children(trained, "indicator").get(0);
		assertThat(names(indicator)).containsExactly("title", "reference", "baseline", "period", "period", "period");
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
		assertThat(sex.getAttribute("name") + "=" + sex.getAttribute("value")).isEqualTo("sex=2");
	}

	/**
	 * 2023's trainees: 41, of them 22 women and 17 men, so 2 of other or undisclosed gender. A donor's file gives the
	 * total only, since the total minus women and men would tell those two; an admin's gives all three.
	 */
	@Test
	void aDonorsFileLeavesOutASexSplitThatWouldTellAFewPeople() throws Exception {
		var donor = this.keys.create("iati donor", Role.DONOR, List.of(), false, "test").secret();
		try {
			assertThat(actuals2023(null)).containsExactly("41", "22", "17");
			assertThat(actuals2023(donor)).containsExactly("41");
		}
		finally {
			this.jdbc.update("DELETE FROM api_key WHERE name = 'iati donor'");
		}
	}

	/** IATI needs a baseline's year: without a date, that of the indicator's first period, not of the export. */
	@Test
	void aBaselineWithoutADateIsOfTheFirstPeriod() throws Exception {
		this.jdbc.update("UPDATE indicator SET baseline_date = NULL WHERE code = 'OUT-1.1'");
		try {
			var baseline = children(indicator(null, "OUT-1.1"), "baseline").get(0);
			assertThat(baseline.getAttribute("year")).isEqualTo("2023");
			assertThat(baseline.hasAttribute("iso-date")).isFalse();
		}
		finally {
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
		var request = get("/iati/activities.xml").param("programme", "EU-CSO-EQUAL");
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		var body = this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		var root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
		var result = children(children(root, "iati-activity").get(0), "result").stream()
			.filter(found -> children(children(found, "indicator").get(0), "reference").get(0).getAttribute("code")
				.equals(code))
			.findFirst().orElseThrow();
		return children(result, "indicator").get(0);
	}

	@Test
	void anUnknownProgrammeIsNotFound() throws Exception {
		this.mvc.perform(get("/iati/activities.xml").param("programme", "NOPE")).andExpect(status().isNotFound());
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

	private static String text(Element element) {
		return element.getTextContent();
	}

}
