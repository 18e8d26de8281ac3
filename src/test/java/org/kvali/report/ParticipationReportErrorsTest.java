package org.kvali.report;

import java.util.List;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** What a request costs in SQL statements, and how bad requests are refused. */
@IntegrationTest
class ParticipationReportErrorsTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	StatementCounter statements;

	@Test
	void totalsAloneRunOneStatementAndNoGrouping() {
		// the data version for the response cache (1), for the report (1)
		assertThat(statementsFor("{ participation { totals { participants } } }")).isEqualTo(2);
	}

	@Test
	void eachBreakdownIsOneStatementAndItsObjectsOneEachWhateverTheDimensions() {
		// language=GraphQL
		var document = """
				{ participation(filter: {regions: ["GE-KK", "GE-SJ"], genders: [FEMALE, MALE]}) {
				    totals { participants }
				    a: breakdown(by: [REGION, GENDER, AGE_BAND, QUARTER]) { region { code name } gender participants share }
				    b: breakdown(by: [ORGANIZATION, MUNICIPALITY]) { organization { code } municipality { code } participants }
				} }""";
		// the data version for the response cache (1), codes checked (1), the data version for the report's fields,
		// which all count the one index it finds (1), regions (1), organizations (1), municipalities (1)
		assertThat(statementsFor(document)).isEqualTo(6);
	}

	@Test
	void aProgrammesYearsAreLookedUpOnceForItsBreakdownAndWithheld() {
		// the data version for the response cache (1), codes checked (1), the programme's month (1), the data version
		// for the report's fields (1)
		assertThat(statementsFor("""
				{ participation(filter: {programmes: ["EU-CSO-EQUAL"]}) {
				    breakdown(by: [YEAR]) { participants } withheld(by: [YEAR]) } }""")).isEqualTo(4);
	}

	/**
	 * A list filter of many unknown places reads the places once, and looks up those it names alone: each was looked
	 * up, the places read twice for it (a review's).
	 */
	@Test
	void manyUnknownPlacesAreLookedUpOnce() {
		var many = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "\"GE-X" + i + "\"")
			.collect(java.util.stream.Collectors.joining(", "));
		for (var codes : List.of("\"GE-X0\"", many)) {
			this.statements.reset();
			this.graphQl.document("{ activities(filter: {venueRegions: [" + codes + "]}) { totalCount } }").execute()
				.errors()
				.expect(error -> error.getMessage().startsWith("No region has the code 'GE-X0'" + (codes.equals(many)
						? "; nor have 199 others of filter.venueRegions: 'GE-X1', 'GE-X2', 'GE-X3', 'GE-X4', 'GE-X5',"
								+ " ..."
						: "")))
				.verify();
			// the regions given (1), the places to read names by (2)
			assertThat(this.statements.count()).isEqualTo(3);
		}
	}

	/** The statements of running the document: made new with a comment, so that no kept response answers it. */
	private int statementsFor(String document) {
		this.statements.reset();
		this.graphQl.document(document + " # " + UUID.randomUUID()).execute().errors().verify();
		return this.statements.count();
	}

	@Test
	void unknownCodesAreErrorsNamingTheCode() {
		expectError("{ participation(filter: {regions: [\"GE-KK\", \"GE-QQ\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No region has the code 'GE-QQ'");
		expectError("{ participation(filter: {projects: [\"NOPE\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No project has the code 'NOPE'");
		// the first unknown code of the first field, in the order given, and the others of that field, a few named
		var many = java.util.stream.IntStream.range(0, 18).mapToObj(i -> "\"X" + i + "\"")
			.collect(java.util.stream.Collectors.joining(", "));
		var codes = "{ participation(filter: {activities: [\"TRN-2024-BAKURIANI\", " + many
				+ "], regions: [\"ZZ\"], organizations: [\"CIF\", \"Q1\", \"Q2\"]}) { totals { participants } } }";
		// a code of 40,000 characters is not repeated whole, in the message nor in the value
		this.graphQl.document("query($r: [ID!]) { participation(filter: {regions: $r}) { totals { participants } } }")
			.variable("r", List.of("Z".repeat(40_000)))
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("No region has the code '" + "Z".repeat(40) + "...'")
					&& error.getExtensions().get("value").equals("Z".repeat(200) + "..."))
			.verify();
		// an override is shown escaped, in the message as in the value, and a long one is cut before its escapes
		this.graphQl.document("query($r: [ID!]) { participation(filter: {regions: $r}) { totals { participants } } }")
			.variable("r", List.of("GE-\u202eKK", "\u202e".repeat(300)))
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("No region has the code 'GE-\\u202EKK'; the value holds U+202E"
					+ " (RIGHT-TO-LEFT OVERRIDE) at character 4, which does not show; nor has 1 other of "
					+ "filter.regions: '" + "\\u202E".repeat(40) + "...'")
					&& error.getExtensions().get("value").equals("GE-\\u202EKK"))
			.verify();
		// spaces around a code, or a look-alike in it, are named (a tester's "GЕ-KK" was no region, nothing more)
		this.graphQl.document("query($r: [ID!], $a: [ID!]) { participation(filter: {regions: $r, activities: $a}) {"
				+ " totals { participants } } }")
			.variable("r", List.of("G\u0415-KK"))
			.variable("a", List.of("TRN-2024-BAKURIANI "))
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("No activity has the code 'TRN-2024-BAKURIANI '; it has spaces or"
					+ " invisible characters around it: write 'TRN-2024-BAKURIANI'"))
			.expect(error -> error.getMessage().equals("No region has the code 'G\u0415-KK'; the value holds U+0415"
					+ " (CYRILLIC CAPITAL LETTER IE) at character 2, which looks like a Latin letter"))
			.verify();
		// so is a participant's reference of 5,000 characters, not found
		this.graphQl.document("{ participant(ref: \"" + "Q".repeat(5000) + "\") { ref } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("No participant has the reference '" + "Q".repeat(40) + "...'")
					&& error.getExtensions().get("value").equals("Q".repeat(200) + "..."))
			.verify();
		// and a value GraphQL itself refuses, cut as the service's own messages are: graphql-java repeats it whole,
		// and a variable of 1 MB came back as an error of 1 MB (a review's)
		this.graphQl.document("query($g: [Gender!]) { participation(filter: {genders: $g}) {"
				+ " totals { participants } } }")
			.variable("g", List.of("F" + "\u202E".repeat(100_000)))
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals(("Variable 'g' has an invalid value: Invalid input for enum"
					+ " 'Gender'. No value found for name 'F" + "\\u202E".repeat(200)).substring(0, 1000) + "..."))
			.verify();
		// each field with unknown codes is told at once, in the order of the filter's fields (the first was told
		// alone, and a dashboard's author mended one a round trip)
		var activities = "No activity has the code 'X0'; nor have 17 others of filter.activities: 'X1', 'X2', 'X3',"
				+ " 'X4', 'X5', ...";
		expectErrors(codes, "No region has the code 'ZZ'", "No organization has the code 'Q1'; nor has 1 other of"
				+ " filter.organizations: 'Q2'", activities);
		expectErrors(codes.replace(", organizations: [\"CIF\", \"Q1\", \"Q2\"]", ""), "No region has the code 'ZZ'",
				activities);
		expectErrors(codes.replace(", regions: [\"ZZ\"], organizations: [\"CIF\", \"Q1\", \"Q2\"]", ""), activities);
		// a code of the other level is told as one (a tester's region among municipalities)
		expectError("{ participation(filter: {venueMunicipalities: [\"GE-KK\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No municipality has the code 'GE-KK'; it is a region's: give it in"
						+ " filter.venueRegions");
		expectError("{ participation(filter: {regions: [\"ge-kk-marneuli\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No region has the code 'ge-kk-marneuli'; it is a municipality's: give it in"
						+ " filter.municipalities");
		expectError("{ participation(filter: {organizations: [\"NOBODY\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No organization has the code 'NOBODY'");
		expectError("{ participation(filter: {organizers: [\"CIF\", \"NOBODY\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No organization has the code 'NOBODY'");
		expectError("{ participation(filter: {activities: [\"NOTHING\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No activity has the code 'NOTHING'");
		// codes are one ignoring case: written in another, the stored spelling is named
		expectError("{ participation(filter: {projects: [\"cso-capacity\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No project has the code 'cso-capacity'; it is written CSO-CAPACITY");
		expectError("{ participation(filter: {regions: [\"ge-kk\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No region has the code 'ge-kk'; it is written GE-KK");
		expectError("{ participation(filter: {regions: [\"GE-XX\", \"ge-kk\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No region has the code 'GE-XX'; nor has 1 other of filter.regions: 'ge-kk'"
						+ " (it is written GE-KK)");
		// a dash for the hyphen is named beside the code it reads as (which looked the same: a tester's), and a
		// settlement is told the municipality it names
		expectError("{ participation(filter: {venueMunicipalities: [\"GE\u2013KK\u2013MARNEULI\", \"Gudauri\"]})"
				+ " { totals { participants } } }", ErrorType.BAD_REQUEST, "No municipality has the code"
						+ " 'GE\u2013KK\u2013MARNEULI'; it is written GE-KK-MARNEULI; the value holds U+2013 (EN DASH)"
						+ " at character 3, which looks like a hyphen (-); nor has 1 other of"
						+ " filter.venueMunicipalities: 'Gudauri' (the municipality it names has the code"
						+ " GE-MM-KAZBEGI)");
		// a code given twice is named once (it was listed again as another: a tester's)
		expectError("{ participation(filter: {regions: [\"GE-XX\", \"GE-XX\", \"ge-kk\", \"ge-kk\"]})"
				+ " { totals { participants } } }", ErrorType.BAD_REQUEST, "No region has the code 'GE-XX'; nor has 1"
						+ " other of filter.regions: 'ge-kk' (it is written GE-KK)");
		// a programme's code among projects, and the other way round (told nothing more: a tester's)
		expectError("{ participation(filter: {projects: [\"EU-CSO-EQUAL\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No project has the code 'EU-CSO-EQUAL'; it is a programme's: give it in"
						+ " filter.programmes");
		expectError("{ participation(filter: {programmes: [\" cso-capacity\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No programme has the code ' cso-capacity'; it is a project's: give it in"
						+ " filter.projects");
		// so is each after the first (only the first was told where it goes: a tester's)
		expectError("{ participation(filter: {municipalities: [\"GE-XX\", \"GE-KK\", \"Kvemo Kartli\"]})"
				+ " { totals { participants } } }", ErrorType.BAD_REQUEST, "No municipality has the code 'GE-XX'; nor"
						+ " have 2 others of filter.municipalities: 'GE-KK' (it is a region's: give it in"
						+ " filter.regions), 'Kvemo Kartli' (Kvemo Kartli (GE-KK) is a region: give it in"
						+ " filter.regions)");
		// a region's code with spaces around it among municipalities is told the field it goes in too
		expectError("{ participation(filter: {municipalities: [\" GE-KK\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No municipality has the code ' GE-KK'; it is a region's: give it in"
						+ " filter.regions");
		// a place by its name, as sheets take it, is told the code of the place it names
		expectError("{ participation(filter: {municipalities: [\"Marneuli Municipality\"]})"
				+ " { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No municipality has the code 'Marneuli Municipality'; the municipality it"
						+ " names has the code GE-KK-MARNEULI");
		expectError("{ participation(filter: {venueRegions: [\"GE-XX\", \"Kvemo Kartli\"]})"
				+ " { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No region has the code 'GE-XX'; nor has 1 other of filter.venueRegions:"
						+ " 'Kvemo Kartli' (the region it names has the code GE-KK)");
		// Tbilisi, a region and a municipality, as a city by either's field (a review's)
		expectError("{ participation(filter: {regions: [\"Tbilisi city\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No region has the code 'Tbilisi city'; the region it names has the code"
						+ " GE-TB");
		expectError("{ participation(filter: {venueRegions: [\"ქ. თბილისი\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No region has the code 'ქ. თბილისი'; the region it names has the code"
						+ " GE-TB");
		// a place of the other level by its name, as by its code, is told the field it goes in
		expectError("{ participation(filter: {regions: [\"Marneuli\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No region has the code 'Marneuli'; Marneuli (GE-KK-MARNEULI) is a"
						+ " municipality: give it in filter.municipalities");
		expectError("{ participation(filter: {venueMunicipalities: [\"ქვემო ქართლი\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No municipality has the code 'ქვემო ქართლი'; Kvemo Kartli (GE-KK) is a region:"
						+ " give it in filter.venueRegions");
		// spaces around a code are told where the code without them is one (any value was told to be written
		// without them: a tester's)
		expectError("{ participation(filter: {organizers: [\" CIF\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No organization has the code ' CIF'; it has spaces or invisible characters"
						+ " around it: write 'CIF'");
		expectError("{ participation(filter: {regions: [\"Springfield \"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No region has the code 'Springfield '");
		expectError("{ participation(filter: {municipalities: [\"GE-KK-MARNEULI\\u200b\"]})"
				+ " { totals { participants } } }", ErrorType.BAD_REQUEST, "No municipality has the code"
						+ " 'GE-KK-MARNEULI\u200b'; it has spaces or invisible characters around it: write"
						+ " 'GE-KK-MARNEULI'");
		expectError("{ participation(filter: {activities: [\"trn-2024-Bakuriani\"]}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "No activity has the code 'trn-2024-Bakuriani'; it is written "
						+ "TRN-2024-BAKURIANI");
	}

	@Test
	void aToBeforeTheFromIsAnError() {
		expectError("{ participation(filter: {from: \"2024-12-31\", to: \"2024-01-01\"}) { totals { participants } } }",
				ErrorType.BAD_REQUEST, "to (2024-01-01) is before from (2024-12-31): no day lies between them, so nothing is selected");
		expectError("{ activities(filter: {from: \"2024-12-31\", to: \"2024-01-01\"}) { totalCount } }",
				ErrorType.BAD_REQUEST, "to (2024-01-01) is before from (2024-12-31): no day lies between them, so nothing is selected");
		// the error names the argument as the other filters' errors do
		for (var field : List.of("participation", "activities")) {
			this.graphQl.document("{ " + field + "(filter: {from: \"2024-12-31\", to: \"2024-01-01\"}) { __typename } }")
				.execute()
				.errors()
				.expect(error -> "filter.to".equals(error.getExtensions().get("argument"))
						&& "2024-01-01".equals(error.getExtensions().get("value")))
				.verify();
		}
		this.graphQl.document("{ participation(filter: {from: \"2024-02-30\"}) { totals { participants } } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().contains("'2024-02-30' is not a day the calendar has"))
			.verify();
		this.graphQl.document("{ participation(filter: {from: \"24-01-01\"}) { totals { participants } } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().contains("'24-01-01' is not a date of the form 2024-07-18"))
			.verify();
		// a year of four digits, no sign: the general parser read this as 2024-07-18
		this.graphQl.document("{ participation(filter: {from: \"+02024-07-18\"}) { totals { participants } } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().contains("'+02024-07-18' is not a date of the form 2024-07-18"))
			.verify();
		// one day is a range
		this.graphQl.document("{ participation(filter: {from: \"2024-07-18\", to: \"2024-07-18\"}) { totals { participants } } }")
			.execute()
			.path("participation.totals.participants")
			.entity(Integer.class)
			.isEqualTo(60);
	}

	@Test
	void breakdownLimits() {
		expectError("{ participation { breakdown(by: [REGION, GENDER, AGE_BAND, YEAR, PROJECT]) { participants } } }",
				ErrorType.BAD_REQUEST, "A breakdown takes 1 to 4 dimensions; 5 were given");
		expectError("{ participation { breakdown(by: []) { participants } } }", ErrorType.BAD_REQUEST,
				"A breakdown takes 1 to 4 dimensions; 0 were given");
		expectError("{ participation { breakdown(by: [GENDER, GENDER]) { participants } } }", ErrorType.BAD_REQUEST,
				"Each dimension may appear in `by` only once");
		expectError("{ participation { breakdown(by: [YEAR, MONTH]) { participants } } }", ErrorType.BAD_REQUEST,
				"Only one of YEAR, QUARTER and MONTH may be in `by`");
		expectError("{ participation { breakdown(by: [GENDER], first: 10001) { participants } } }",
				ErrorType.BAD_REQUEST, "first must be between 0 and 10000");
		expectError("{ participation { breakdown(by: [GENDER], first: -1) { participants } } }",
				ErrorType.BAD_REQUEST, "first must be between 0 and 10000");
		expectError("{ participation { breakdown(by: [GENDER], orderBy: [{by: REGION}]) { participants } } }",
				ErrorType.BAD_REQUEST, "Cannot order by REGION: it is not one of the dimensions in `by`");
		expectError("{ participation { breakdown(by: [GENDER], orderBy: [{by: PARTICIPANTS, direction: DESC},"
				+ " {by: GENDER}, {by: PARTICIPANTS}]) { participants } } }", ErrorType.BAD_REQUEST,
				"Each field may appear in `orderBy` only once; PARTICIPANTS is given twice");
		expectError("{ participation { breakdown(by: [YEAR], yearStart: 13) { participants } } }",
				ErrorType.BAD_REQUEST, "yearStart is the month years begin in, 1 (January) to 12 (December), not 13");
		expectError("{ participation { breakdown(by: [QUARTER], yearStart: 0) { participants } } }",
				ErrorType.BAD_REQUEST, "yearStart is the month years begin in, 1 (January) to 12 (December), not 0");
	}

	/** Every error, BAD_REQUEST, in this order. */
	private void expectErrors(String document, String... messages) {
		this.graphQl.document(document).execute().errors()
			.satisfy(errors -> {
				assertThat(errors).extracting(ResponseError::getMessage).containsExactly(messages);
				assertThat(errors).allMatch(error -> error.getErrorType() == ErrorType.BAD_REQUEST);
			});
	}

	private void expectError(String document, ErrorType type, String message) {
		this.graphQl.document(document)
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == type && error.getMessage().equals(message))
			.verify();
	}

}
