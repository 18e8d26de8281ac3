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

/**
 * A split share weighed against the splits beside it, k = 5: the groups of a region's municipalities add up to the
 * region's share, so one left out alone within its region is the region's less the others, and all of them shown tell
 * the region; a row's groups add up to the row's share in the split by the other dimensions. Over a made-up project
 * alone, a share of women by home municipality, or by activity and disability.
 */
@IntegrationTest
class ShareWithinCoarserTest {

	private static final String SPLIT = """
			{ indicator(code: "SUP-FEW") { disaggregate(by: [%s]) { group { municipality { code } region { code }
			    activity { code } disability participants } value } } }""";

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
		this.madeUp.project("SUP-P", "EU-CSO-EQUAL");
		this.madeUp.activity("SUP-A", "SCCSF", "SUP-P");
		SuppressionFixture.womenOfProject(this.graphQl);
	}

	@AfterEach
	void clean() {
		this.callers.deleteKeys();
		this.madeUp.clean();
	}

	/**
	 * Bolnisi's 10 women of 12 are left out, its 2 others too few (the women's breakdown by municipality withholds
	 * none). Weighed by the whole split alone, Borjomi's 5 of 10, the smallest whole beside it, went with it, and Kvemo
	 * Kartli's 20 women of 32, shown by region, less Marneuli's 10 of 20 told Bolnisi's 2 others. Marneuli is left out
	 * with it instead, and those of Samtskhe-Javakheti are shown.
	 */
	@Test
	void aShareLeftOutAloneWithinItsRegionTakesAnotherOfTheRegionWithIt() {
		people("GE-KK-MARNEULI", 10, 10);
		people("GE-KK-BOLNISI", 10, 2);
		people("GE-SJ-AKHALKALAKI", 10, 10);
		people("GE-SJ-BORJOMI", 5, 5);
		people("GE-SJ-ADIGENI", 8, 8);
		assertThat(shares("analyst", "MUNICIPALITY")).containsExactly("GE-KK-BOLNISI 10 of 12",
				"GE-KK-MARNEULI 10 of 20", "GE-SJ-ADIGENI 8 of 16", "GE-SJ-AKHALKALAKI 10 of 20", "GE-SJ-BORJOMI 5 of 10");
		assertThat(shares("donor", "REGION")).containsExactly("GE-KK 20 of 32", "GE-SJ 23 of 46");
		assertThat(shares("donor", "MUNICIPALITY")).containsExactly("GE-SJ-ADIGENI 8 of 16", "GE-SJ-AKHALKALAKI 10 of 20",
				"GE-SJ-BORJOMI 5 of 10");
		// CIF ran none of it: all are strangers to it, weighed as for a donor
		assertThat(shares("cif", "MUNICIPALITY")).containsExactly("GE-SJ-ADIGENI 8 of 16", "GE-SJ-AKHALKALAKI 10 of 20",
				"GE-SJ-BORJOMI 5 of 10");
	}

	/**
	 * Bolnisi's 10 women of 12 and Gardabani's 10 of 11 are left out, their 2 and 1 others too few. Weighed by the
	 * whole split alone, Adigeni went with them, and Kvemo Kartli's 40 women of 63 less Marneuli's and Rustavi's 20 of
	 * 40 told that those two had 3 others. Marneuli, the first of the two smallest within the region, is left out
	 * with them instead.
	 */
	@Test
	void groupsLeftOutWithinARegionThatAddUpToTooFewTakeAnotherOfTheRegion() {
		people("GE-KK-MARNEULI", 10, 10);
		people("GE-KK-BOLNISI", 10, 2);
		people("GE-KK-GARDABANI", 10, 1);
		people("GE-KK-RUSTAVI", 10, 10);
		people("GE-SJ-AKHALKALAKI", 10, 10);
		people("GE-SJ-ADIGENI", 8, 8);
		assertThat(shares("donor", "REGION")).containsExactly("GE-KK 40 of 63", "GE-SJ 18 of 36");
		for (var caller : List.of("donor", "cif")) {
			assertThat(shares(caller, "MUNICIPALITY")).as(caller).containsExactly("GE-KK-RUSTAVI 10 of 20",
					"GE-SJ-ADIGENI 8 of 16", "GE-SJ-AKHALKALAKI 10 of 20");
		}
	}

	/**
	 * 2 women of no known municipality, placed in Kvemo Kartli by their organization, and 3 men in Samtskhe-Javakheti:
	 * their group of 2 women of 5 is left out. One municipality of each region goes, and not the other: the people of
	 * no known municipality beside it are too few to be told, and the region's share less the other's tells neither
	 * it nor them (Marneuli's 10 women of 20 with 2 women, Adigeni's 8 of 16 with 3 others).
	 */
	@Test
	void aFewPeopleOfNoKnownMunicipalityWithinARegionAreNotToldByTheRegionsShareLessItsMunicipalities() {
		people("GE-KK-MARNEULI", 10, 10);
		people("GE-KK-RUSTAVI", 10, 10);
		people("GE-SJ-AKHALKALAKI", 10, 10);
		people("GE-SJ-ADIGENI", 8, 8);
		unplaced("CSO-BOLNISI-1", 2, 0);
		unplaced("CSO-BORJOMI-1", 0, 3);
		assertThat(shares("analyst", "REGION")).containsExactly("GE-KK 22 of 42", "GE-SJ 18 of 39");
		assertThat(shares("analyst", "MUNICIPALITY")).containsExactly("GE-KK-MARNEULI 10 of 20",
				"GE-KK-RUSTAVI 10 of 20", "GE-SJ-ADIGENI 8 of 16", "GE-SJ-AKHALKALAKI 10 of 20", "- 2 of 5");
		assertThat(shares("donor", "MUNICIPALITY")).containsExactly("GE-KK-RUSTAVI 10 of 20",
				"GE-SJ-AKHALKALAKI 10 of 20");
	}

	/**
	 * With nothing left out, Kvemo Kartli's 25 women of 47 less its municipalities' 20 of 40 told that its 7 of no known
	 * municipality held 2 others; the breakdowns of the women and of everyone by municipality, over 5 and 7 of them,
	 * withhold none. Marneuli goes, and with it Adigeni, the smallest beside it in the whole split, and then
	 * Akhalkalaki, left alone beside it within Samtskhe-Javakheti with those of no known municipality there, 5 women of
	 * 10, whom the split by region and municipality shows.
	 */
	@Test
	void aFewPeopleOfNoKnownMunicipalityAreNotToldWithNoGroupLeftOut() {
		people("GE-KK-MARNEULI", 10, 10);
		people("GE-KK-RUSTAVI", 10, 10);
		people("GE-SJ-AKHALKALAKI", 10, 10);
		people("GE-SJ-ADIGENI", 8, 8);
		unplaced("CSO-BOLNISI-1", 5, 2);
		unplaced("CSO-BORJOMI-1", 5, 5);
		assertThat(shares("donor", "REGION")).containsExactly("GE-KK 25 of 47", "GE-SJ 23 of 46");
		assertThat(shares("analyst", "MUNICIPALITY")).containsExactly("GE-KK-MARNEULI 10 of 20",
				"GE-KK-RUSTAVI 10 of 20", "GE-SJ-ADIGENI 8 of 16", "GE-SJ-AKHALKALAKI 10 of 20", "- 10 of 17");
		assertThat(shares("donor", "MUNICIPALITY")).containsExactly("GE-KK-RUSTAVI 10 of 20", "- 10 of 17");
	}

	/**
	 * By region, Adjara's 10 women of 12 are left out, its 2 others too few, and Kvemo Kartli's 20 of 40, the smallest
	 * whole beside it (the breakdowns of the women and of everyone withhold none). By municipality, Batumi is left out,
	 * and, weighed by the whole split alone, Adigeni with it and Akhalkalaki beside that within Samtskhe-Javakheti:
	 * Kvemo Kartli's municipalities, all shown, told its 20 of 40, and the actual, 60 of 112, less the regions told
	 * Adjara's 2 others. Kvemo Kartli's municipalities are left out instead.
	 */
	@Test
	void theMunicipalitiesOfARegionTheSplitByRegionWithholdsAreNotAllShown() {
		people("GE-AJ-BATUMI", 10, 2);
		people("GE-KK-MARNEULI", 10, 10);
		people("GE-KK-RUSTAVI", 10, 10);
		people("GE-SJ-ADIGENI", 6, 6);
		people("GE-SJ-AKHALKALAKI", 24, 24);
		assertThat(shares("analyst", "REGION")).containsExactly("GE-AJ 10 of 12", "GE-KK 20 of 40", "GE-SJ 30 of 60");
		assertThat(shares("donor", "REGION")).containsExactly("GE-SJ 30 of 60");
		assertThat(shares("donor", "MUNICIPALITY")).containsExactly("GE-SJ-ADIGENI 6 of 12",
				"GE-SJ-AKHALKALAKI 24 of 48");
	}

	/**
	 * Bolnisi's 6 women of 6 are left out, a rest of none that might have been a few. Kvemo Kartli's 21 women of 33
	 * less Marneuli's 10 of 20 told 2 others in Bolnisi and among its 7 of no known municipality, where Bolnisi, left
	 * out alone within it, was weighed as the region less Marneuli, beside too few others of no known municipality to
	 * be told so (the breakdowns of the women and of everyone withhold none): Marneuli goes too, and those of
	 * Samtskhe-Javakheti, its people of no known municipality 5 women and 5 others, are shown.
	 */
	@Test
	void aGroupLeftOutAloneIsWeighedWithAFewOfNoKnownMunicipalityBesideIt() {
		people("GE-KK-MARNEULI", 10, 10);
		people("GE-KK-BOLNISI", 6, 0);
		people("GE-SJ-AKHALKALAKI", 10, 10);
		people("GE-SJ-ADIGENI", 8, 8);
		unplaced("CSO-BOLNISI-1", 5, 2);
		unplaced("CSO-BORJOMI-1", 5, 5);
		assertThat(shares("donor", "REGION")).containsExactly("GE-KK 21 of 33", "GE-SJ 23 of 46");
		assertThat(shares("analyst", "MUNICIPALITY")).containsExactly("GE-KK-BOLNISI 6 of 6",
				"GE-KK-MARNEULI 10 of 20", "GE-SJ-ADIGENI 8 of 16", "GE-SJ-AKHALKALAKI 10 of 20", "- 10 of 17");
		assertThat(shares("donor", "MUNICIPALITY")).containsExactly("GE-SJ-ADIGENI 8 of 16",
				"GE-SJ-AKHALKALAKI 10 of 20", "- 10 of 17");
	}

	/**
	 * By activity, A1's 10 women of 12 are left out, its 2 others too few, and A2's 6 of 12, the smallest beside it
	 * (the breakdowns of the women and of everyone withhold none). By activity and disability, A3's 5 of 10 without
	 * one went with A1's, and A3's row with them; A2's row, its one group shown, told its 6 of 12, and the actual, 26
	 * of 44, less A2's and A3's told A1's 2 others. A2's group is left out too, and so nothing is shown.
	 */
	@Test
	void aRowWhoseTotalTheSplitByItsOtherDimensionsWithholdsIsNotShownWhole() {
		this.madeUp.activity("SUP-A1", "SCCSF", "SUP-P");
		this.madeUp.activity("SUP-A2", "SCCSF", "SUP-P");
		this.madeUp.activity("SUP-A3", "SCCSF", "SUP-P");
		attendees("SUP-A1", 10, 2, false);
		attendees("SUP-A2", 6, 6, false);
		attendees("SUP-A3", 5, 5, false);
		attendees("SUP-A3", 5, 5, true);
		assertThat(shares("analyst", "ACTIVITY")).containsExactly("SUP-A1 10 of 12", "SUP-A2 6 of 12",
				"SUP-A3 10 of 20");
		assertThat(shares("donor", "ACTIVITY")).containsExactly("SUP-A3 10 of 20");
		assertThat(shares("analyst", "ACTIVITY, DISABILITY")).containsExactly("SUP-A1 false 10 of 12",
				"SUP-A2 false 6 of 12", "SUP-A3 false 5 of 10", "SUP-A3 true 5 of 10");
		assertThat(shares("donor", "ACTIVITY, DISABILITY")).isEmpty();
	}

	/** Each group shown as its values of the dimensions, its women and its whole (from the share, where not 0 %). */
	@SuppressWarnings("unchecked")
	private List<String> shares(String caller, String by) {
		List<Map<String, Object>> groups = this.as.get(caller).document(SPLIT.formatted(by)).execute()
			.path("indicator.disaggregate").entity(List.class).get();
		return groups.stream().map(split -> {
			var group = (Map<String, Object>) split.get("group");
			var text = new StringBuilder();
			for (var dimension : by.split(", ")) {
				var value = group.get(switch (dimension) {
					case "MUNICIPALITY" -> "municipality";
					case "REGION" -> "region";
					case "ACTIVITY" -> "activity";
					default -> "disability";
				});
				text.append(value instanceof Map<?, ?> place ? place.get("code") : value == null ? "-" : value)
					.append(' ');
			}
			int women = (Integer) group.get("participants");
			// a share of 0 % tells no whole
			return text.toString() + women + " of "
					+ (women == 0 ? "?" : Math.round(women * 100 / (Double) split.get("value")));
		}).toList();
	}

	/** Women and men of no known municipality at the made-up activity, representing the organization. */
	private void unplaced(String organization, int women, int men) {
		for (int i = 0; i < women + men; i++) {
			var ref = "SUP-" + organization + "-" + i;
			this.madeUp.person("SUP-A", ref, i < women ? "FEMALE" : "MALE", null, null, 1990);
			this.jdbc.update("UPDATE participant SET organization_id = (SELECT id FROM organization WHERE code = ?)"
					+ " WHERE ref = ?", organization, ref);
		}
	}

	/** Women and men of the municipality at the made-up activity. */
	private void people(String municipality, int women, int men) {
		for (int i = 0; i < women + men; i++) {
			this.madeUp.person("SUP-A", "SUP-" + municipality + "-" + i, i < women ? "FEMALE" : "MALE", null,
					municipality, 1990);
		}
	}

	/** Women and men of Marneuli at the activity, with a disability or without. */
	private void attendees(String activity, int women, int men, boolean disability) {
		for (int i = 0; i < women + men; i++) {
			this.madeUp.person(activity, activity + "-" + disability + "-" + i, i < women ? "FEMALE" : "MALE",
					disability, "GE-KK-MARNEULI", 1990);
		}
	}

}
