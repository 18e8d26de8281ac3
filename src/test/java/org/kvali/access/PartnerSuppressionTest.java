package org.kvali.access;

import java.util.HashMap;
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
 * Small-cell suppression for partners on the demo data, k = 5: in full over the activities their organizations run
 * (CIF runs CMP-2024-GARDABANI, SCCSF runs WS-2023-AKHALTSIKHE), and beyond them weighed by the people never known to
 * them, their own people's groups weighed as small unless only their activities could fall in them.
 */
@IntegrationTest
class PartnerSuppressionTest {

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
	void aPartnerSeesItsOwnActivitiesInFullAndOthersSuppressed() {
		var gardabani = "{ participation(filter: {activities: [\"CMP-2024-GARDABANI\"]}) { breakdown(by: [GENDER]) { "
				+ "gender participants participations suppressed } } }";
		assertThat(cells(this.as.get("cif"), gardabani, "gender")).containsExactly("FEMALE 16 16", "MALE 12 12",
				"UNDISCLOSED 2 2");
		assertThat(cells(this.as.get("sccsf"), gardabani, "gender")).containsExactly("FEMALE 16 16");
		var akhaltsikhe = gardabani.replace("CMP-2024-GARDABANI", "WS-2023-AKHALTSIKHE");
		assertThat(cells(this.as.get("sccsf"), akhaltsikhe, "gender")).containsExactly("FEMALE 14 14", "MALE 5 5",
				"OTHER 1 1");
		assertThat(cells(this.as.get("cif"), akhaltsikhe, "gender")).containsExactly("FEMALE 14 14");
		// a filter reaching beyond its own activities is suppressed as for a donor
		var both = gardabani.replace("\"CMP-2024-GARDABANI\"", "\"CMP-2024-GARDABANI\", \"WS-2023-AKHALTSIKHE\"");
		assertThat(cells(this.as.get("cif"), both, "gender")).isEqualTo(cells(this.as.get("donor"), both, "gender"));
	}

	/**
	 * Beyond its own activities, a partner's cells are weighed by the people never at them alone: the people
	 * of a sheet of its own, made up or not, lift no one else's cell over k. Four made-up women with a disability of
	 * Bolnisi at an activity of CIF's had made the one such woman of the demo a cell of 5, and each activity of hers
	 * was told by a filter of it and CIF's (a tester's).
	 */
	@Test
	void aPartnersOwnPeopleLiftNoOneElsesCell() {
		var few = "{ participation(filter: {municipalities: [\"GE-KK-BOLNISI\"], disability: true, genders: [FEMALE]"
				+ "%s}) { totals { participants suppressed } } }";
		this.as.get("analyst").document(few.formatted("")).execute().path("participation.totals.participants")
			.entity(Integer.class).isEqualTo(1);
		var hers = this.jdbc.queryForList("""
				SELECT DISTINCT a.code FROM participation pn JOIN participant p ON p.id = pn.participant_id
				JOIN activity a ON a.id = pn.activity_id
				WHERE p.home_municipality_code = 'GE-KK-BOLNISI' AND p.disability AND p.gender = 'FEMALE'
				  AND a.organizer_id IS DISTINCT FROM (SELECT id FROM organization WHERE code = 'CIF')
				ORDER BY a.code""", String.class);
		assertThat(hers).isNotEmpty();
		this.madeUp.activity("SUP-PAD", "CIF");
		for (int n = 1; n <= 4; n++) {
			this.madeUp.person("SUP-PAD", "SUP-PAD-" + n, "FEMALE", true, "GE-KK-BOLNISI", 1990);
		}
		this.as.get("analyst").document(few.formatted("")).execute().path("participation.totals.participants")
			.entity(Integer.class).isEqualTo(5);
		var cif = this.as.get("cif");
		cif.document(few.formatted("")).execute().path("participation.totals.suppressed").entity(Boolean.class)
			.isEqualTo(true);
		// nor is an indicator of them (a review's)
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "SUP-FEW", programme: "EU-CSO-EQUAL", name: "Few",
				    level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, cumulative: false,
				    filter: {municipalities: ["GE-KK-BOLNISI"], disability: true, genders: [FEMALE]}}) {
				    code } }""").execute().errors().verify();
		var indicator = "{ indicator(code: \"SUP-FEW\") { actual } }";
		this.as.get("analyst").document(indicator).execute().path("indicator.actual").entity(Double.class)
			.isEqualTo(5.0);
		cif.document(indicator).execute().path("indicator.actual").valueIsNull();
		// her activities, each beside CIF's, are told of no more
		for (var activity : hers) {
			cif.document(few.formatted(", activities: [\"" + activity + "\", \"SUP-PAD\"]")).execute()
				.path("participation.totals.suppressed").entity(Boolean.class).isEqualTo(true);
		}
		// its own are shown in full, alone and in a breakdown beside hers; a group of its own people alone that
		// others may add to is not: shown, it would tell that they add none
		cif.document(few.formatted(", activities: [\"SUP-PAD\"]")).execute()
			.path("participation.totals.participants").entity(Integer.class).isEqualTo(4);
		var byActivity = few.replace("totals { participants suppressed }", "breakdown(by: [ACTIVITY]) {"
				+ " activity { code } participants participations suppressed }").formatted("");
		var hersRunByCif = this.jdbc.queryForList("""
				SELECT DISTINCT a.code || ' 1 1' FROM participation pn
				JOIN participant p ON p.id = pn.participant_id JOIN activity a ON a.id = pn.activity_id
				WHERE p.home_municipality_code = 'GE-KK-BOLNISI' AND p.disability AND p.gender = 'FEMALE'
				  AND a.organizer_id = (SELECT id FROM organization WHERE code = 'CIF') AND a.code <> 'SUP-PAD'""",
				String.class);
		hersRunByCif.add("SUP-PAD 4 4");
		assertThat(cells(cif, byActivity, "activity")).containsExactlyElementsOf(hersRunByCif.stream().sorted()
			.toList());
		assertThat(cells(this.as.get("analyst"), byActivity, "activity")).contains("SUP-PAD 4 4")
			.hasSizeGreaterThan(hers.size());
		var byMunicipality = few.replace("totals { participants suppressed }", "breakdown(by: [MUNICIPALITY]) {"
				+ " municipality { code } participants participations suppressed }");
		assertThat(cells(cif, byMunicipality.formatted(""), "municipality")).isEmpty();
		var besideSccsfs = byMunicipality.formatted(", activities: [\"SUP-PAD\", \"WS-2023-AKHALTSIKHE\"]");
		assertThat(cells(this.as.get("analyst"), besideSccsfs, "municipality")).containsExactly(
				"GE-KK-BOLNISI 4 4");
		assertThat(cells(cif, besideSccsfs, "municipality")).isEmpty();
	}

	/**
	 * A group of a partner's own people alone, where others might be of it, is withheld as a small one
	 * is, with another beside it: withheld alone, the total less the groups shown told the partner its own people,
	 * and so that no one else was of the group (a review's).
	 */
	@Test
	void aGroupOfAPartnersOwnPeopleAloneIsWithheldWithAnother() {
		var byGender = "{ participation(filter: {municipalities: [\"GE-KK-TETRITSKARO\"]}) { totals { participants }"
				+ " breakdown(by: [GENDER]) { gender participants participations suppressed } } }";
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM participation pn JOIN participant p ON p.id = pn.participant_id
				JOIN activity a ON a.id = pn.activity_id
				WHERE p.home_municipality_code = 'GE-KK-TETRITSKARO' AND p.gender = 'OTHER'""", Integer.class))
			.isZero();
		this.madeUp.activity("SUP-OWN", "CIF");
		for (int n = 1; n <= 2; n++) {
			this.madeUp.person("SUP-OWN", "SUP-OWN-" + n, "OTHER", null, "GE-KK-TETRITSKARO", null);
		}
		var analysts = cells(this.as.get("analyst"), byGender, "gender");
		assertThat(analysts).contains("OTHER 2 2");
		// the others' groups of 5 or more shown to a donor, less one withheld beside the partner's own
		var donors = cells(this.as.get("donor"), byGender, "gender");
		var cifs = cells(this.as.get("cif"), byGender, "gender");
		assertThat(cifs).doesNotContain("OTHER 2 2").hasSize(donors.size() - 1);
		assertThat(donors).containsAll(cifs);
	}

	/**
	 * A share's rest is weighed for a partner by the rest of the people never at its activities: six made-up men of
	 * its own beside others' five women made a rest of 6 shown, and told that no one else held men (a review's).
	 */
	@Test
	void aSharesRestIsWeighedByOthersPeopleForAPartner() {
		var people = List.of("SUP-REST-W1 FEMALE SCCSF", "SUP-REST-W2 FEMALE SCCSF", "SUP-REST-W3 FEMALE SCCSF",
				"SUP-REST-W4 FEMALE SCCSF", "SUP-REST-W5 FEMALE SCCSF", "SUP-REST-M1 MALE CIF", "SUP-REST-M2 MALE CIF",
				"SUP-REST-M3 MALE CIF", "SUP-REST-M4 MALE CIF", "SUP-REST-M5 MALE CIF", "SUP-REST-M6 MALE CIF");
		for (var organizer : List.of("SCCSF", "CIF")) {
			this.madeUp.activity("SUP-REST-" + organizer, organizer);
		}
		for (var person : people) {
			var fields = person.split(" ");
			this.madeUp.person("SUP-REST-" + fields[2], fields[0], fields[1], null, null, 1930);
		}
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "SUP-FEW", programme: "EU-CSO-EQUAL", name: "Old women",
				    level: OUTPUT, unit: PERCENT, method: COMPUTED, measure: PARTICIPANTS, cumulative: false,
				    filter: {genders: [FEMALE]}, denominatorFilter: {ages: {from: 90, to: 99}}}) { code } }""")
			.execute().errors().verify();
		var share = "{ indicator(code: \"SUP-FEW\") { actual } }";
		this.as.get("analyst").document(share).execute().path("indicator.actual").entity(Double.class)
			.isEqualTo(100.0 * 5 / 11);
		this.as.get("cif").document(share).execute().path("indicator.actual").valueIsNull();
		// nor in a split, its group's rest weighed by the group's strangers
		var split = "{ indicator(code: \"SUP-FEW\") { disaggregate(by: [ACTIVITY_KIND]) { group { activityKind }"
				+ " value } } }";
		this.as.get("analyst").document(split).execute().path("indicator.disaggregate[*].value")
			.entityList(Double.class).containsExactly(100.0 * 5 / 11);
		this.as.get("cif").document(split).execute().path("indicator.disaggregate").entityList(Object.class)
			.hasSize(0);
	}

	/**
	 * A partner's answers are weighed by the people who never took part in its activities, wherever they took part:
	 * its own people at others' activities, whose details its sheets may set, lift none of those activities' groups.
	 * Four of CIF's people at an activity of SCCSF's beside one person of SCCSF's alone made a group of 5 in a filter
	 * of that activity, and CIF's total less its own organizer's group told the one person (a retest's).
	 */
	@Test
	void aPartnersOwnPeopleAtOthersActivitiesLiftNoneOfTheirGroups() {
		var few = "{ participation(filter: {municipalities: [\"GE-KK-TETRITSKARO\"], genders: [OTHER]%s}) {"
				+ " totals { participants suppressed } } }";
		this.as.get("analyst").document(few.formatted("")).execute().path("participation.totals.participants")
			.entity(Integer.class).isEqualTo(0);
		this.madeUp.activity("SUP-MINE", "CIF");
		this.madeUp.activity("SUP-THEIRS", "SCCSF");
		this.madeUp.activity("SUP-SHARED", "SCCSF");
		for (int n = 1; n <= 6; n++) {
			this.madeUp.person("SUP-MINE", "SUP-MINE-" + n, "OTHER", null, "GE-KK-TETRITSKARO", null);
		}
		this.madeUp.person("SUP-THEIRS", "SUP-THEIRS-1", "OTHER", null, "GE-KK-TETRITSKARO", null);
		for (int n = 1; n <= 5; n++) {
			if (n <= 4) {
				this.madeUp.attends("SUP-THEIRS", "SUP-MINE-" + n);
			}
			this.madeUp.attends("SUP-SHARED", "SUP-MINE-" + n);
		}
		// and one of its own at an activity run by no one
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
				SELECT 'SUP-NOONE', id, 'MEETING', 'Made up', DATE '2025-10-10', DATE '2025-10-10' FROM project
				WHERE code = 'CSO-CAPACITY'""");
		this.madeUp.attends("SUP-NOONE", "SUP-MINE-6");
		var theirs = few.formatted(", activities: [\"SUP-THEIRS\"]");
		for (var caller : List.of("analyst", "donor", "sccsf")) {
			this.as.get(caller).document(theirs).execute().path("participation.totals.participants")
				.entity(Integer.class).isEqualTo(5);
		}
		var cif = this.as.get("cif");
		cif.document(theirs).execute().path("participation.totals.suppressed").entity(Boolean.class).isEqualTo(true);
		this.as.get("donor").document(few.formatted("")).execute().path("participation.totals.participants")
			.entity(Integer.class).isEqualTo(7);
		cif.document(few.formatted("")).execute().path("participation.totals.suppressed").entity(Boolean.class)
			.isEqualTo(true);
		// its own activity and organizer are shown in full; others' groups of its own people alone are not, nor the
		// group of no organizer
		for (var by : List.of("organizer", "activity")) {
			var breakdown = few.replace("totals { participants suppressed }", "breakdown(by: [" + by.toUpperCase()
					+ "]) { " + by + " { code } participants participations suppressed }").formatted("");
			assertThat(cells(this.as.get("analyst"), breakdown, by)).containsExactly(
					by.equals("organizer") ? new String[] { "CIF 6 6", "SCCSF 6 10", "null 1 1" }
							: new String[] { "SUP-MINE 6 6", "SUP-NOONE 1 1", "SUP-SHARED 5 5", "SUP-THEIRS 5 5" });
			assertThat(cells(cif, breakdown, by)).containsExactly(by.equals("organizer") ? "CIF 6 6" : "SUP-MINE 6 6");
		}
	}

	/**
	 * People a partner removed from its activities stay known to it: it set their details, and made strangers again
	 * by removeParticipation, four of its own at another organization's activity lifted that activity's one person of
	 * their group over k (a review's). So do the people of an activity of its that changed hands.
	 */
	@Test
	void aPartnersPeopleStayKnownToItWhenRemovedFromItsActivities() {
		var few = "{ participation(filter: {activities: [\"%s\"]}) { totals { participants suppressed } } }";
		this.madeUp.activity("SUP-MINE", "CIF");
		this.madeUp.activity("SUP-THEIRS", "SCCSF");
		this.madeUp.activity("SUP-HANDED", "CIF");
		for (int n = 1; n <= 5; n++) {
			if (n <= 4) {
				this.madeUp.person("SUP-MINE", "SUP-GONE-" + n, "OTHER", null, "GE-KK-TETRITSKARO", null);
				this.madeUp.attends("SUP-THEIRS", "SUP-GONE-" + n);
			}
			this.madeUp.person("SUP-HANDED", "SUP-HANDED-" + n, "OTHER", null, "GE-KK-TETRITSKARO", null);
		}
		this.madeUp.person("SUP-THEIRS", "SUP-THEIRS-1", "OTHER", null, "GE-KK-TETRITSKARO", null);
		var cif = this.as.get("cif");
		cif.document(few.formatted("SUP-THEIRS")).execute().path("participation.totals.suppressed")
			.entity(Boolean.class).isEqualTo(true);
		for (int n = 1; n <= 4; n++) {
			cif.document("mutation { removeParticipation(activity: \"SUP-MINE\", ref: \"SUP-GONE-%d\") { code } }"
				.formatted(n)).execute().path("removeParticipation.code").entity(String.class).isEqualTo("SUP-MINE");
		}
		this.jdbc.update("UPDATE activity SET organizer_id = (SELECT id FROM organization WHERE code = 'SCCSF')"
				+ " WHERE code = 'SUP-HANDED'");
		for (var activity : List.of("SUP-THEIRS", "SUP-HANDED")) {
			this.as.get("analyst").document(few.formatted(activity)).execute()
				.path("participation.totals.participants").entity(Integer.class).isEqualTo(5);
			this.as.get("sccsf").document(few.formatted(activity)).execute()
				.path("participation.totals.participants").entity(Integer.class).isEqualTo(5);
			cif.document(few.formatted(activity)).execute().path("participation.totals.suppressed")
				.entity(Boolean.class).isEqualTo(true);
		}
		assertThat(this.jdbc.queryForList("""
				SELECT p.ref || ' ' || array_to_string(ARRAY(SELECT o.code FROM organization o
				                                              WHERE o.id = ANY(p.former_organizers) ORDER BY o.code), ',')
				FROM participant p WHERE p.ref LIKE 'SUP-%' ORDER BY p.ref""", String.class)).containsExactly(
				"SUP-GONE-1 CIF", "SUP-GONE-2 CIF", "SUP-GONE-3 CIF", "SUP-GONE-4 CIF", "SUP-HANDED-1 CIF",
				"SUP-HANDED-2 CIF", "SUP-HANDED-3 CIF", "SUP-HANDED-4 CIF", "SUP-HANDED-5 CIF", "SUP-THEIRS-1 ");
	}

	/**
	 * A group of a partner's own people alone is weighed as one person beside others' groups: six women of CIF's,
	 * withheld, and 2 people of another gender of others', withheld, would be told as 2 by the line's others, the 10
	 * men, which are withheld too, where a donor, weighing the women as 6, is shown the men.
	 */
	@Test
	void aPartnersOwnGroupIsWeighedAsOnePersonInItsLine() {
		var byGender = "{ participation(filter: {municipalities: [\"GE-IM-KUTAISI\"], disability: true}) {"
				+ " breakdown(by: [GENDER]) { gender participants participations suppressed } } }";
		assertThat(cells(this.as.get("analyst"), byGender, "gender")).isEmpty();
		this.madeUp.activity("SUP-WOMEN", "CIF");
		this.madeUp.activity("SUP-OTHERS", "SCCSF");
		for (int n = 1; n <= 18; n++) {
			this.madeUp.person(n <= 6 ? "SUP-WOMEN" : "SUP-OTHERS", "SUP-LINE-" + n, n <= 6 ? "FEMALE" : n <= 16 ? "MALE" : "OTHER",
					true, "GE-IM-KUTAISI", null);
		}
		assertThat(cells(this.as.get("analyst"), byGender, "gender")).containsExactly("FEMALE 6 6", "MALE 10 10",
				"OTHER 2 2");
		assertThat(cells(this.as.get("donor"), byGender, "gender")).containsExactly("MALE 10 10");
		assertThat(cells(this.as.get("cif"), byGender, "gender")).isEmpty();
	}

	/**
	 * A breakdown beside a partner's own group withholds the rows that group's breakdown withholds: by gender, CIF's
	 * 2 people of another gender alone are withheld (shown, they would tell that none of the others' people is of it)
	 * and the 6 women with them; by activity and gender, the women's 6 shown alone at SCCSF's meeting told them, and so
	 * the other gender's 2 as the total of 18 less the 10 men and the 6 women (neighbouring breakdowns were weighed by
	 * the strangers' groups alone, and not at all where the partner's own group was shown by its key).
	 */
	@Test
	void aRowWithheldBesideAPartnersOwnGroupIsWithheldBesideItToo() {
		var filter = "filter: {municipalities: [\"GE-IM-KUTAISI\"], disability: true}";
		assertThat(cells(this.as.get("analyst"), "{ participation(" + filter + ") { breakdown(by: [GENDER]) {"
				+ " gender participants participations suppressed } } }", "gender")).isEmpty();
		this.madeUp.activity("SUP-OWN", "CIF");
		this.madeUp.activity("SUP-OTHERS", "SCCSF");
		for (int n = 1; n <= 18; n++) {
			this.madeUp.person(n <= 2 ? "SUP-OWN" : "SUP-OTHERS", "SUP-ROW-" + n, n <= 2 ? "OTHER" : n <= 8 ? "FEMALE" : "MALE",
					true, "GE-IM-KUTAISI", null);
		}
		var byGender = "{ participation(" + filter + ") { totals { participants } breakdown(by: [GENDER]) {"
				+ " gender participants participations suppressed } } }";
		assertThat(cells(this.as.get("cif"), byGender, "gender")).containsExactly("MALE 10 10");
		assertThat(this.as.get("cif").document(byGender).execute().path("participation.totals.participants")
			.entity(Integer.class).get()).isEqualTo(18);
		var byActivity = "{ participation(" + filter + ") { breakdown(by: [ACTIVITY, GENDER]) { activity { code }"
				+ " gender participants participations suppressed } } }";
		assertThat(cells(this.as.get("analyst"), byActivity, "activity", "gender")).containsExactly(
				"SUP-OTHERS FEMALE 6 6", "SUP-OTHERS MALE 10 10", "SUP-OWN OTHER 2 2");
		// the women's row withheld as by gender alone, and the men beside them at the meeting whose 16 are told; the
		// partner's own activity is its own
		assertThat(cells(this.as.get("cif"), byActivity, "activity", "gender")).containsExactly("SUP-OWN OTHER 2 2");
	}

	/**
	 * In three dimensions, each breakdown beside a partner's is weighed as it is asked alone, its own groups among
	 * them, down to the breakdowns beside those: CIF's 2 people of another gender and of no known disability, and
	 * SCCSF's 27 of three genders, of whom 5 undisclosed, also of no known disability. By gender, CIF's own group and
	 * the undisclosed beside it are withheld; by activity and gender the men too, beside them at SCCSF's meeting; by
	 * activity, disability and gender only CIF's own activity is shown.
	 */
	@Test
	void aPartnersBreakdownsInThreeDimensionsAreWeighedAsThoseBesideThem() {
		this.madeUp.activity("SUP-OWN", "CIF");
		this.madeUp.activity("SUP-OTHERS", "SCCSF");
		for (int n = 1; n <= 2; n++) {
			this.madeUp.person("SUP-OWN", "SUP-3D-OWN-" + n, "OTHER", null, "GE-IM-KUTAISI", null);
		}
		var strangers = List.of(List.of("FEMALE", "true", "6"), List.of("FEMALE", "false", "6"),
				List.of("MALE", "true", "5"), List.of("MALE", "false", "5"), List.of("UNDISCLOSED", "", "5"));
		int n = 0;
		for (var kind : strangers) {
			for (int i = 0; i < Integer.parseInt(kind.get(2)); i++) {
				this.madeUp.person("SUP-OTHERS", "SUP-3D-" + n++, kind.get(0),
						kind.get(1).isEmpty() ? null : Boolean.valueOf(kind.get(1)), "GE-IM-KUTAISI", null);
			}
		}
		// each breakdown with the number of groups an analyst sees
		var breakdowns = Map.of("ACTIVITY, DISABILITY, GENDER", 6, "ACTIVITY, GENDER", 4, "DISABILITY, GENDER", 6,
				"GENDER", 4);
		var cif = new HashMap<String, List<String>>();
		breakdowns.forEach((by, groups) -> {
			var query = "{ participation(filter: {activities: [\"SUP-OWN\", \"SUP-OTHERS\"]}) { breakdown(by: [" + by
					+ "]) { activity { code } disability gender participants participations suppressed } } }";
			assertThat(cells(this.as.get("analyst"), query, "activity", "disability", "gender")).hasSize(groups);
			cif.put(by, cells(this.as.get("cif"), query, "activity", "disability", "gender"));
		});
		assertThat(cif.get("GENDER")).containsExactly("null null FEMALE 12 12", "null null MALE 10 10");
		assertThat(cif.get("ACTIVITY, GENDER")).containsExactly("SUP-OTHERS null FEMALE 12 12",
				"SUP-OWN null OTHER 2 2");
		assertThat(cif.get("DISABILITY, GENDER")).containsExactly("null false FEMALE 6 6", "null false MALE 5 5",
				"null true FEMALE 6 6", "null true MALE 5 5");
		assertThat(cif.get("ACTIVITY, DISABILITY, GENDER")).containsExactly("SUP-OWN null OTHER 2 2");
	}

	/**
	 * A breakdown by a coarser value beside a partner's is weighed as asked alone too: CIF's 2 people of another
	 * gender at its own project, the only ones of that gender in its programme, where SCCSF's project beside it holds
	 * 6 women and 10 men and SCCSF's project of another programme 5 of that gender and 5 women. By programme and
	 * gender CIF's group is withheld with the women beside it, and the projects' rows within them are withheld here.
	 */
	@Test
	void aBreakdownByProgrammeBesideAPartnersByProjectWeighsItsOwnGroups() {
		this.madeUp.project("SUP-PRJ-1", "SUP-PRG-A");
		this.madeUp.project("SUP-PRJ-2", "SUP-PRG-A");
		this.madeUp.project("SUP-PRJ-3", "SUP-PRG-B");
		this.madeUp.activity("SUP-OWN", "CIF", "SUP-PRJ-1");
		this.madeUp.activity("SUP-OTHERS", "SCCSF", "SUP-PRJ-2");
		this.madeUp.activity("SUP-ELSE", "SCCSF", "SUP-PRJ-3");
		var people = List.of(List.of("SUP-OWN", "OTHER", "2"), List.of("SUP-OTHERS", "FEMALE", "6"),
				List.of("SUP-OTHERS", "MALE", "10"), List.of("SUP-ELSE", "OTHER", "5"), List.of("SUP-ELSE", "FEMALE", "5"));
		int n = 0;
		for (var kind : people) {
			for (int i = 0; i < Integer.parseInt(kind.get(2)); i++) {
				this.madeUp.person(kind.get(0), "SUP-PRG-" + n++, kind.get(1), null, "GE-IM-KUTAISI", null);
			}
		}
		var filter = "filter: {activities: [\"SUP-OWN\", \"SUP-OTHERS\", \"SUP-ELSE\"]}";
		var byProject = "{ participation(" + filter + ") { breakdown(by: [PROJECT, GENDER]) { project { code } gender"
				+ " participants participations suppressed } } }";
		assertThat(cells(this.as.get("analyst"), byProject, "project", "gender")).containsExactly(
				"SUP-PRJ-1 OTHER 2 2", "SUP-PRJ-2 FEMALE 6 6", "SUP-PRJ-2 MALE 10 10", "SUP-PRJ-3 FEMALE 5 5",
				"SUP-PRJ-3 OTHER 5 5");
		var byProgramme = byProject.replace("PROJECT", "PROGRAMME").replace("project { code }", "programme { code }");
		assertThat(cells(this.as.get("cif"), byProgramme, "programme", "gender")).containsExactly(
				"SUP-PRG-A MALE 10 10");
		// shown, the projects' groups told programme A's women, and so its other gender's 2, CIF's own alone
		assertThat(cells(this.as.get("cif"), byProject, "project", "gender")).containsExactly("SUP-PRJ-1 OTHER 2 2");
	}

	/**
	 * A group shown to a partner has no share where the total it is a share of is withheld: CIF's workshop of 17
	 * people at a share of 0.739 told a total of 23, withheld, and so the 6 people of another's meeting, and with
	 * a filter of women, of 60 and over, or with a disability, how many of them were so (a tester's).
	 */
	@Test
	void aPartnerIsToldNoShareOfATotalWithheldFromIt() {
		var query = "{ participation(filter: {activities: [\"WS-2025-TETRITSKARO\", \"MTG-2025-DMANISI\"]}) {"
				+ " totals { participants suppressed } breakdown(by: [ACTIVITY]) { activity { code } participants"
				+ " share } } }";
		this.as.get("analyst").document(query).execute().path("participation.totals.participants")
			.entity(Integer.class).isEqualTo(23);
		var cif = this.as.get("cif").document(query).execute();
		cif.path("participation.totals.suppressed").entity(Boolean.class).isEqualTo(true);
		cif.path("participation.breakdown[*].activity.code").entityList(String.class)
			.containsExactly("WS-2025-TETRITSKARO");
		cif.path("participation.breakdown[0].participants").entity(Integer.class).isEqualTo(17);
		cif.path("participation.breakdown[0].share").valueIsNull();
		// over its own activity alone, it is told the share; so beside others' activities of 5 strangers in all, one
		// of them shown or none
		this.as.get("cif").document(query.replace(", \"MTG-2025-DMANISI\"", "")).execute()
			.path("participation.breakdown[0].share").entity(Double.class).isEqualTo(1.0);
		this.madeUp.activity("SUP-FIVE", "SCCSF");
		this.madeUp.activity("SUP-THREE", "SCCSF");
		this.madeUp.activity("SUP-TWO", "SCCSF");
		for (int n = 1; n <= 5; n++) {
			this.madeUp.person("SUP-FIVE", "SUP-SHARE-" + n, "FEMALE", null, null, null);
			this.madeUp.person(n <= 3 ? "SUP-THREE" : "SUP-TWO", "SUP-SHARE-" + (5 + n), "MALE", null, null, null);
		}
		for (var others : List.of("\"SUP-FIVE\"", "\"SUP-THREE\", \"SUP-TWO\"")) {
			var beside = this.as.get("cif").document(query.replace("\"MTG-2025-DMANISI\"", others)).execute();
			beside.path("participation.totals.participants").entity(Integer.class).isEqualTo(22);
			beside.path("participation.breakdown[?(@.activity.code == 'WS-2025-TETRITSKARO')].share")
				.entityList(Double.class).containsExactly(17.0 / 22);
		}
	}

	/**
	 * A share's split takes groups along for a partner as their strangers tell: Marneuli's and Gardabani's rests of
	 * 2 men each, strangers to CIF, are withheld, and Gardabani's 7 men of CIF's own beside them had made their rest
	 * 11, so Rustavi's was shown, and the line's rest less Rustavi's and CIF's own men told the 4 (a review's).
	 */
	@Test
	void aSharesSplitTakesAlongWhatAPartnersStrangersTell() {
		this.madeUp.activity("SUP-SPLIT-SCCSF", "SCCSF");
		this.madeUp.activity("SUP-SPLIT-CIF", "CIF");
		var people = List.of("GE-KK-MARNEULI 5 2 0", "GE-KK-GARDABANI 6 2 7", "GE-KK-RUSTAVI 6 6 0");
		for (var place : people) {
			var fields = place.split(" ");
			for (int n = 1; n <= Integer.parseInt(fields[1]) + Integer.parseInt(fields[2]); n++) {
				this.madeUp.person("SUP-SPLIT-SCCSF", "SUP-SPLIT-" + fields[0] + "-" + n,
						n <= Integer.parseInt(fields[1]) ? "FEMALE" : "MALE", null, fields[0], 1930);
			}
			for (int n = 1; n <= Integer.parseInt(fields[3]); n++) {
				this.madeUp.person("SUP-SPLIT-CIF", "SUP-SPLIT-" + fields[0] + "-OWN-" + n, "MALE", null, fields[0], 1930);
			}
		}
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "SUP-FEW", programme: "EU-CSO-EQUAL", name: "Old women",
				    level: OUTPUT, unit: PERCENT, method: COMPUTED, measure: PARTICIPANTS, cumulative: false,
				    filter: {genders: [FEMALE]}, denominatorFilter: {ages: {from: 90, to: 99}}}) { code } }""")
			.execute().errors().verify();
		var split = "{ indicator(code: \"SUP-FEW\") { disaggregate(by: [MUNICIPALITY]) {"
				+ " group { municipality { code } } value } } }";
		this.as.get("analyst").document(split).execute().path("indicator.disaggregate[*].value")
			.entityList(Double.class).containsExactly(100.0 * 6 / 15, 100.0 * 5 / 7, 50.0);
		this.as.get("donor").document(split).execute().path("indicator.disaggregate[*].value")
			.entityList(Double.class).containsExactly(100.0 * 6 / 15);
		this.as.get("cif").document(split).execute().path("indicator.disaggregate").entityList(Object.class)
			.hasSize(0);
	}

	/**
	 * A share's split shows a partner its own activity's group in full: its rest, all the partner's own people, is
	 * not weighed by strangers, of whom no one is there by its key (it was withheld, a review's); another's activity
	 * beside it is weighed by its strangers, five women and five men, and shown.
	 */
	@Test
	void aSharesSplitShowsAPartnersOwnActivityInFull() {
		for (var organizer : List.of("CIF", "SCCSF")) {
			this.madeUp.activity("SUP-MIX-" + organizer, organizer);
			for (int n = 1; n <= 10; n++) {
				this.madeUp.person("SUP-MIX-" + organizer, "SUP-MIX-" + organizer + "-" + n, n <= 5 ? "FEMALE" : "MALE", null, null,
						1930);
			}
		}
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "SUP-FEW", programme: "EU-CSO-EQUAL", name: "Old women",
				    level: OUTPUT, unit: PERCENT, method: COMPUTED, measure: PARTICIPANTS, cumulative: false,
				    filter: {genders: [FEMALE]}, denominatorFilter: {ages: {from: 90, to: 99}}}) { code } }""")
			.execute().errors().verify();
		var split = "{ indicator(code: \"SUP-FEW\") { disaggregate(by: [ACTIVITY]) { group { activity { code } }"
				+ " value } } }";
		for (var caller : List.of("analyst", "cif")) {
			this.as.get(caller).document(split).execute().path("indicator.disaggregate[*].group.activity.code")
				.entityList(String.class).containsExactly("SUP-MIX-CIF", "SUP-MIX-SCCSF");
		}
		this.as.get("cif").document(split).execute().path("indicator.disaggregate[*].value")
			.entityList(Double.class).containsExactly(50.0, 50.0);
	}

	/**
	 * A group no activity of others' could fall in by its key holds a partner's own people alone, and is shown to it
	 * in full beside others' groups: the months in which only CIF ran activities had been withheld from it as small
	 * (a retest's).
	 */
	@Test
	void aPartnerSeesInFullTheGroupsOnlyItsActivitiesCouldFallIn() {
		var onlyCifs = this.jdbc.queryForList("""
				SELECT to_char(a.start_date, 'YYYY-MM') FROM activity a
				LEFT JOIN organization o ON o.id = a.organizer_id
				GROUP BY 1 HAVING bool_and(o.code IS NOT DISTINCT FROM 'CIF') ORDER BY 1""", String.class);
		assertThat(onlyCifs).contains("2025-02", "2025-05");
		var byMonth = "{ participation { breakdown(by: [MONTH]) { period { key } participants participations } } }";
		var analysts = months(this.as.get("analyst"), byMonth);
		var cifs = months(this.as.get("cif"), byMonth);
		assertThat(analysts).containsKeys(onlyCifs.toArray(String[]::new));
		for (var month : onlyCifs) {
			assertThat(cifs).as(month).containsEntry(month, analysts.get(month));
		}
	}

	/** A breakdown's groups by period as "participants participations", by the period's key. */
	@SuppressWarnings("unchecked")
	private static Map<String, String> months(HttpGraphQlTester tester, String query) {
		List<Map<String, Object>> groups = tester.document(query).execute().path("participation.breakdown")
			.entity(List.class).get();
		var months = new java.util.TreeMap<String, String>();
		groups.forEach(group -> months.put((String) ((Map<String, Object>) group.get("period")).get("key"),
				group.get("participants") + " " + group.get("participations")));
		return months;
	}

	/**
	 * A partner selects the activities its organization runs by their organizer, not by listing them, and sees them in
	 * full: CIF's by gender as CIF's activities listed one by one give, and as an analyst counts them.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void aPartnerSelectsTheActivitiesItRunsByOrganizer() {
		var ofCif = this.jdbc.queryForList("""
				SELECT a.code FROM activity a JOIN organization o ON o.id = a.organizer_id WHERE o.code = 'CIF'
				ORDER BY a.code""", String.class);
		assertThat(ofCif).hasSizeGreaterThan(10);
		var byOrganizer = "{ participation(filter: {organizers: [\"CIF\"]}) { totals { participants participations } "
				+ "breakdown(by: [MUNICIPALITY, GENDER]) { municipality { code } gender participants participations } } }";
		var listed = byOrganizer.replace("organizers: [\"CIF\"]", "activities: [\"" + String.join("\", \"", ofCif) + "\"]");
		var mine = this.as.get("cif").document(byOrganizer).execute().path("participation").entity(Map.class).get();
		assertThat(mine).isEqualTo(this.as.get("cif").document(listed).execute().path("participation").entity(Map.class).get())
			.isEqualTo(this.as.get("analyst").document(byOrganizer).execute().path("participation").entity(Map.class).get());
		// in full: groups of 1 to 4 are there, as they are not for a donor
		var groups = (List<Map<String, Object>>) mine.get("breakdown");
		assertThat(groups).anyMatch(group -> (Integer) group.get("participants") < 5);
		var donors = this.as.get("donor").document(byOrganizer).execute().path("participation.breakdown").entityList(Map.class)
			.get();
		assertThat(donors).hasSizeLessThan(groups.size()).allMatch(group -> (Integer) group.get("participants") >= 5);
		// another's organization, with one of its own activities too, is suppressed for CIF as anything beyond its own
		var sccsf = "{ participation(filter: {organizers: [\"SCCSF\"], activities: [\"CMP-2024-GARDABANI\"]}) { totals "
				+ "{ participants } } }";
		this.as.get("analyst").document(sccsf).execute().path("participation.totals.participants").entity(Integer.class)
			.isEqualTo(0);
		this.as.get("cif").document(byOrganizer.replace("[\"CIF\"]", "[\"CIF\", \"SCCSF\"]")).execute()
			.path("participation.breakdown").entityList(Map.class)
			.satisfies(shown -> assertThat(shown).allMatch(group -> (Integer) group.get("participants") >= 5));
	}

	/**
	 * Whether a partner sees a filter in full depends on the activities the filter names, never on who attended
	 * them: decided by counting, a CIF filter of its WS-2025-DMANISI and SCCSF's WS-2025-BORJOMI came back
	 * suppressed where BORJOMI had a person with a disability and in full where ASPINDZA had none.
	 */
	@Test
	void whetherAPartnerSeesInFullTellsNothingOfOthersActivities() {
		var query = "{ participation(filter: {activities: [%s], disability: true}) { totals { participants suppressed } } }";
		for (var other : List.of("WS-2025-BORJOMI", "WS-2025-ASPINDZA")) {
			var both = this.as.get("cif").document(query.formatted("\"WS-2025-DMANISI\", \"" + other + "\"")).execute();
			both.path("participation.totals.suppressed").entity(Boolean.class).isEqualTo(true);
			both.path("participation.totals.participants").valueIsNull();
			this.as.get("analyst").document(query.formatted("\"" + other + "\"")).execute()
				.path("participation.totals.participants").entity(Integer.class)
				.isEqualTo(other.equals("WS-2025-BORJOMI") ? 1 : 0);
		}
		this.as.get("cif").document(query.formatted("\"WS-2025-DMANISI\"")).execute()
			.path("participation.totals.participants").entity(Integer.class).isEqualTo(1);
		// its own activities named by what describes them (a venue only it uses) are its own too
		var venue = "{ participation(filter: {venueMunicipalities: [\"GE-KK-DMANISI\"], activityKinds: [WORKSHOP], "
				+ "disability: true}) { totals { participants suppressed } } }";
		this.as.get("cif").document(venue).execute().path("participation.totals.participants").entity(Integer.class)
			.isEqualTo(1);
	}

	@Test
	void whenAnActivityChangesHandsItsNewOrganizerSeesItInFullAndTheOldOneNoLonger() {
		var gardabani = "{ participation(filter: {activities: [\"CMP-2024-GARDABANI\"]}) { breakdown(by: [GENDER]) { "
				+ "gender participants participations suppressed } } }";
		this.jdbc.update("""
				UPDATE activity SET organizer_id = (SELECT id FROM organization WHERE code = 'SCCSF')
				WHERE code = 'CMP-2024-GARDABANI'""");
		try {
			assertThat(cells(this.as.get("sccsf"), gardabani, "gender")).containsExactly("FEMALE 16 16", "MALE 12 12",
					"UNDISCLOSED 2 2");
			assertThat(this.jdbc.queryForList("""
					SELECT p.gender || ' ' || count(*) FROM participation pn
					JOIN participant p ON p.id = pn.participant_id JOIN activity a ON a.id = pn.activity_id
					WHERE a.code = 'CMP-2024-GARDABANI' AND pn.role = 'PARTICIPANT' AND NOT EXISTS (SELECT 1
					  FROM participation c JOIN activity ca ON ca.id = c.activity_id
					  JOIN organization co ON co.id = ca.organizer_id WHERE c.participant_id = p.id AND co.code = 'CIF')
					GROUP BY p.gender ORDER BY 1""", String.class)).containsExactly("FEMALE 1", "MALE 1");
			// weighed by the people never at CIF's other activities, one woman and one man
			assertThat(cells(this.as.get("cif"), gardabani, "gender")).isEmpty();
		}
		finally {
			this.jdbc.update("""
					UPDATE activity SET organizer_id = (SELECT id FROM organization WHERE code = 'CIF')
					WHERE code = 'CMP-2024-GARDABANI'""");
		}
		assertThat(cells(this.as.get("cif"), gardabani, "gender")).containsExactly("FEMALE 16 16", "MALE 12 12",
				"UNDISCLOSED 2 2");
	}

}
