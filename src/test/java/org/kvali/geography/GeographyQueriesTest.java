package org.kvali.geography;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class GeographyQueriesTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	GeographyService geography;

	/**
	 * Each other name of a place (geo_unit_name) names it alone: one that were another's name or code, or two places',
	 * would be read as the first by code (a review's).
	 */
	@Test
	void otherNamesNameOnePlaceEach() {
		assertThat(this.jdbc.queryForList("""
				SELECT n.name FROM geo_unit_name n JOIN geo_unit g ON g.code <> n.code
				    AND lower(n.name) IN (lower(g.code), lower(g.name_en), lower(g.name_ka))
				UNION ALL
				SELECT lower(name) FROM geo_unit_name GROUP BY lower(name) HAVING count(DISTINCT code) > 1""",
				String.class)).isEmpty();
		var places = this.geography.placeNames();
		this.jdbc.query("SELECT code, name FROM geo_unit_name", rs -> {
			var named = places.code(rs.getString(2)) != null ? places.code(rs.getString(2))
					: places.regionCode(rs.getString(2));
			assertThat(named).as(rs.getString(2)).isEqualTo(rs.getString(1));
		});
	}

	@Test
	void georgiaHasTwelveTopLevelUnitsWithIsoCodes() {
		// language=GraphQL
		var codes = this.graphQl.document("{ regions { code } }").execute().path("regions[*].code").entityList(String.class).get();
		assertThat(codes).containsExactly("GE-AB", "GE-AJ", "GE-GU", "GE-IM", "GE-KA", "GE-KK", "GE-MM", "GE-RL",
				"GE-SJ", "GE-SK", "GE-SZ", "GE-TB");
		// the country given as null, as a client's variable left empty is: every country's (it was an internal error)
		// language=GraphQL
		var everyCountrys = this.graphQl.document("query ($c: ID) { regions(country: $c) { code } }")
			.variable("c", null)
			.execute()
			.path("regions[*].code")
			.entityList(String.class)
			.get();
		assertThat(everyCountrys).isEqualTo(codes);
	}

	@Test
	void kvemoKartliHasItsSevenMunicipalitiesInEnglishAndGeorgian() {
		// language=GraphQL
		var response = this.graphQl.document("""
				{ region(code: "GE-KK") { name nameKa municipalities { code name nameKa region { code } } } }
				""").execute();
		response.path("region.name").entity(String.class).isEqualTo("Kvemo Kartli");
		response.path("region.nameKa").entity(String.class).isEqualTo("ქვემო ქართლი");
		response.path("region.municipalities[*].name").entityList(String.class).containsExactly("Bolnisi", "Dmanisi",
				"Gardabani", "Marneuli", "Rustavi", "Tetritskaro", "Tsalka");
		response.path("region.municipalities[*].nameKa").entityList(String.class).containsExactly("ბოლნისი",
				"დმანისი", "გარდაბანი", "მარნეული", "რუსთავი", "თეთრიწყარო", "წალკა");
		response.path("region.municipalities[*].region.code").entityList(String.class).containsExactly(
				"GE-KK", "GE-KK", "GE-KK", "GE-KK", "GE-KK", "GE-KK", "GE-KK");
	}

	@Test
	void samtskheJavakhetiHasItsSixMunicipalities() {
		// language=GraphQL
		var response = this.graphQl.document("""
				{ municipalities(region: "GE-SJ") { code name nameKa } }
				""").execute();
		response.path("municipalities[*].code").entityList(String.class).containsExactly("GE-SJ-ADIGENI",
				"GE-SJ-AKHALKALAKI", "GE-SJ-AKHALTSIKHE", "GE-SJ-ASPINDZA", "GE-SJ-BORJOMI", "GE-SJ-NINOTSMINDA");
		response.path("municipalities[*].nameKa").entityList(String.class).containsExactly("ადიგენი", "ახალქალაქი",
				"ახალციხე", "ასპინძა", "ბორჯომი", "ნინოწმინდა");
	}

	@Test
	void everyMunicipalityOfTheCountryIsListedWithANameInBothLanguages() {
		// language=GraphQL
		var response = this.graphQl.document("{ municipalities { code name nameKa region { code } } }").execute();
		List<String> georgian = response.path("municipalities[*].nameKa").entityList(String.class).get();
		assertThat(georgian).hasSize(71).allSatisfy(name -> assertThat(name).matches("[\\u10D0-\\u10FF -]+"));
		List<String> english = response.path("municipalities[*].name").entityList(String.class).get();
		assertThat(english).hasSize(71)
			.allSatisfy(name -> assertThat(name).matches("[A-Z][a-z]+([ -][A-Z]?[a-z]+)*"))
			.contains("Marneuli", "Akhaltsikhe", "Borjomi");
	}

	@Test
	void municipalityByCodeNamesItsRegion() {
		// language=GraphQL
		this.graphQl.document("{ municipality(code: \"GE-SJ-BORJOMI\") { name region { code name } } }")
			.execute()
			.path("municipality.region.name")
			.entity(String.class)
			.isEqualTo("Samtskhe-Javakheti");
	}

	@Test
	void unknownCodesAreNotFoundErrorsNamingTheCode() {
		// language=GraphQL
		this.graphQl.document("{ region(code: \"GE-XX\") { name } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
					&& error.getMessage().equals("No region has the code 'GE-XX'"))
			.verify();
		// language=GraphQL
		this.graphQl.document("{ municipalities(region: \"GE-XX\") { name } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
					&& error.getMessage().equals("No region has the code 'GE-XX'")
					&& "region".equals(error.getExtensions().get("argument")))
			.verify();
		// an unknown country too (it answered no regions); one in another case, or with spaces, told how it is written
		var countries = Map.of("XX", "", "ge", "; it is written GE",
				" GE", "; it has spaces or invisible characters around it: write 'GE'",
				"GE\u00a0", "; it has spaces or invisible characters around it: write 'GE'");
		countries.forEach((country, told) -> this.graphQl.document("{ regions(country: \"" + country + "\") { code } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
					&& error.getMessage().equals("No country has the code '" + country + "'" + told)
					&& "country".equals(error.getExtensions().get("argument")))
			.verify());
		// a region's code is told to be one
		// language=GraphQL
		this.graphQl.document("{ municipality(code: \"GE-KK\") { name } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND && error.getMessage()
				.equals("No municipality has the code 'GE-KK'; Kvemo Kartli (GE-KK) is a region: give a municipality"))
			.verify();
	}

}
