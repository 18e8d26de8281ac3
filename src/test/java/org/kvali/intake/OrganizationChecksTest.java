package org.kvali.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.TestCallers;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A new organization's rows agree on its name and kind, as an activity's do; a stored organization's name and kind
 * are not changed by a sheet, and a name without a code names nothing: both are said, not dropped without a word.
 */
@IntegrationTest
class OrganizationChecksTest {

	/** The sample sheet's columns, organization_kind among them. */
	private static final String HEADER = "activity_code,activity_title,activity_kind,project_code,start_date,end_date,"
			+ "venue_municipality,participant_ref,gender,birth_year,disability,home_municipality,organization_code,"
			+ "organization_name,organization_kind,role\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Callers callers;

	@BeforeEach
	void project() {
		IntakeFixture.create(this.jdbc);
	}

	@AfterEach
	void clean() {
		this.callers.deleteKeys();
		IntakeFixture.remove(this.jdbc);
	}

	@Test
	void aNewOrganizationsRowsMustAgree() throws Exception {
		load("""
				TI-OC-1,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-1,female,1990,,,TI-ORGX,New Org,cso,
				TI-OC-1,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-2,female,1990,,,TI-ORGX,,,
				TI-OC-1,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-3,female,1990,,,TI-ORGX,Other Name,activist_group,
				""").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].row").value(4))
			.andExpect(jsonPath("$.errors[0].column").value("organization_kind"))
			.andExpect(jsonPath("$.errors[0].message").value("Row 2 gives cso for organization TI-ORGX; all its rows must agree"))
			.andExpect(jsonPath("$.errors[1].row").value(4))
			.andExpect(jsonPath("$.errors[1].column").value("organization_name"))
			.andExpect(jsonPath("$.errors[1].value").value("Other Name"))
			.andExpect(jsonPath("$.errors[1].message").value("Row 2 gives New Org for organization TI-ORGX; all its rows "
					+ "must agree"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM organization WHERE code = 'TI-ORGX'", Integer.class))
			.isZero();
	}

	@Test
	void storedNamesAndNamesWithoutACodeAreSaidToBeIgnored() throws Exception {
		load("""
				TI-OC-2,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-1,female,1990,,,CIF,Civic Integration Foundation,,
				TI-OC-2,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-2,female,1990,,,CIF,CIF Georgia,,
				TI-OC-2,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-3,female,1990,,,,Youth Club,cso,
				TI-OC-2,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-4,female,1990,,,,Youth Club,,
				""").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.warnings.length()").value(2))
			.andExpect(jsonPath("$.warnings[0].row").value(3))
			.andExpect(jsonPath("$.warnings[0].message").value("Organization CIF is stored as Civic Integration "
					+ "Foundation (PARTNER) with another name or kind; a sheet does not change them, so the sheet's are "
					+ "ignored"))
			.andExpect(jsonPath("$.warnings[1].row").value(4))
			.andExpect(jsonPath("$.warnings[1].message").value("An organization's name, kind or municipality without"
					+ " its code names no organization and is ignored (in 2 rows, the first shown)"));
	}

	/**
	 * An organization's Georgian name is its name too: a Georgian sheet giving CIF's was warned on every row that it
	 * gave another, and a new code under it was not told of CIF (a tester's); Georgian capitals are its small letters.
	 */
	@Test
	void aStoredGeorgianNameIsTheOrganizationsName() throws Exception {
		load("""
				TI-OC-5,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-1,female,1990,,,CIF,სამოქალაქო ინტეგრაციის ფონდი,,
				TI-OC-5,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-2,female,1990,,,TI-CIF,ᲡᲐᲛᲝᲥᲐᲚᲐᲥᲝ ᲘᲜᲢᲔᲒᲠᲐᲪᲘᲘᲡ ᲤᲝᲜᲓᲘ,,
				""").andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(3))
			.andExpect(jsonPath("$.warnings[0].message").value("Organization TI-CIF is new, but CIF is stored with the"
					+ " name სამოქალაქო ინტეგრაციის ფონდი; if they are one, give one code"));
	}

	/** A code given but refused is its own error, not also a name without a code. */
	@Test
	void aRefusedCodeIsNotAlsoANameWithoutACode() throws Exception {
		load("""
				TI-OC-3,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-1,female,1990,,,bad code!,Youth Club,,
				""").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].column").value("organization_code"))
			.andExpect(jsonPath("$.warnings.length()").value(0));
	}

	/**
	 * A name alone is told the code of the stored organization of that name, as people type it, where the caller may
	 * list it: to an admin TI-HIDDEN's, not to CIF's partner, in whose projects it takes no part.
	 */
	@Test
	void aNameWithoutACodeIsToldTheCodeOfTheOrganizationOfThatName() throws Exception {
		this.jdbc.update("INSERT INTO organization (code, name, kind) VALUES ('TI-HIDDEN', 'Hidden Circle', 'CSO')");
		var rows = """
				TI-OC-7,Workshop,workshop,CSO-CAPACITY,2025-10-01,2025-10-01,,TI-1,female,1990,,,,Youth Club,,
				TI-OC-7,Workshop,workshop,CSO-CAPACITY,2025-10-01,2025-10-01,,TI-2,female,1990,,,,HIDDEN  circle,,
				""";
		var ignored = "An organization's name, kind or municipality without its code names no organization and is"
				+ " ignored (in 2 rows, the first shown)";
		load(rows).andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings.length()").value(2))
			.andExpect(jsonPath("$.warnings[0].row").value(2))
			.andExpect(jsonPath("$.warnings[0].message").value(ignored + "; HIDDEN  circle (row 3) is stored as"
					+ " TI-HIDDEN: give its code in organization_code"))
			.andExpect(jsonPath("$.warnings[1].message").value("New activity TI-OC-7 names no organizer: no partner"
					+ " loads it or sees its figures in full until one is named (an organizer_code column, or"
					+ " updateActivity)"));
		var cif = this.callers.secret(Role.PARTNER, "CIF");
		try {
			this.mvc.perform(post("/imports/attendance").param("dryRun", "true")
				.header("Authorization", "Bearer " + cif)
				.contentType("text/csv")
				.content((HEADER + rows).getBytes(StandardCharsets.UTF_8)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.warnings.length()").value(1))
				.andExpect(jsonPath("$.warnings[0].message").value(ignored));
		}
		finally {
			this.callers.deleteKeys();
		}
		// a name of two organizations names neither
		this.jdbc.update("INSERT INTO organization (code, name, kind) VALUES ('TI-HIDDEN2', 'Hidden circle', 'CSO')");
		load(rows).andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[0].message").value(ignored));
	}

	/**
	 * A new organization is placed in the municipality its rows give, which gives its people of no home municipality
	 * their region (a partner's sheet made organizations of no region, and their people counted in none: a tester's);
	 * its rows agree on it, and a stored one is not moved by a sheet.
	 */
	@Test
	void aNewOrganizationIsPlacedInTheMunicipalityItsRowsGive() throws Exception {
		var header = "activity_code,activity_title,activity_kind,project_code,start_date,end_date,participant_ref,"
				+ "gender,organization_code,organization_name,organization_municipality\n";
		var sheet = header + """
				TI-OC-8,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,TI-1,female,TI-ORGM,Bolnisi Youth,Bolnisi
				TI-OC-8,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,TI-2,male,TI-ORGM,,
				TI-OC-8,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,TI-3,male,CIF,,Tsalka Municipality
				TI-OC-8,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,TI-9,male,CIF,,
				""";
		this.mvc.perform(post("/imports/attendance").contentType("text/csv")
			.content(sheet.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IMPORTED"))
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(4))
			.andExpect(jsonPath("$.warnings[0].column").value("organization_municipality"))
			.andExpect(jsonPath("$.warnings[0].value").value("Tsalka Municipality"))
			.andExpect(jsonPath("$.warnings[0].message").value("Organization CIF is stored with no municipality; a"
					+ " sheet does not place an organization, so the sheet's is ignored (updateOrganization)"));
		assertThat(this.jdbc.queryForList("""
				SELECT p.ref || ' ' || f.region FROM participation_fact f JOIN participant p ON p.id = f.participant_id
				WHERE p.ref LIKE 'TI-%' ORDER BY 1""", String.class))
			.containsExactly("TI-1 GE-KK", "TI-2 GE-KK", "TI-3 GE-KK", "TI-9 GE-KK");
		assertThat(this.jdbc.queryForObject("SELECT municipality_code FROM organization WHERE code = 'TI-ORGM'",
				String.class)).isEqualTo("GE-KK-BOLNISI");
		assertThat(this.jdbc.queryForObject("SELECT municipality_code FROM organization WHERE code = 'CIF'",
				String.class)).isNull();
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content((header + """
					TI-OC-9,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,TI-4,female,TI-ORGN,Akhaltsikhe Youth,\
					Akhaltsikhe
					TI-OC-9,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,TI-5,female,TI-ORGN,,Borjomi
					""").getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].value").value("Borjomi"))
			.andExpect(jsonPath("$.errors[0].message").value("Row 2 gives Akhaltsikhe for organization TI-ORGN; all its"
					+ " rows must agree"));
		// a stored one's rows giving two are told, the stored one among them; a municipality without a code too; to a
		// partner, of an organization it lists alone: of any, a dry run told where another's was
		this.jdbc.update("INSERT INTO organization (code, name, kind, municipality_code) VALUES ('TI-HIDDEN', 'Hidden',"
				+ " 'CSO', 'GE-KK-TSALKA')");
		var probe = header + """
				TI-OC-10,Workshop,workshop,CSO-CAPACITY,2025-10-01,2025-10-01,TI-1,female,TI-ORGM,,Bolnisi
				TI-OC-10,Workshop,workshop,CSO-CAPACITY,2025-10-01,2025-10-01,TI-2,male,TI-ORGM,,Tsalka
				TI-OC-10,Workshop,workshop,CSO-CAPACITY,2025-10-01,2025-10-01,TI-5,male,,,Tsalka
				TI-OC-10,Workshop,workshop,CSO-CAPACITY,2025-10-01,2025-10-01,TI-6,male,TI-HIDDEN,,Marneuli
				TI-OC-10,Workshop,workshop,CSO-CAPACITY,2025-10-01,2025-10-01,TI-7,male,CIF,,Marneuli
				""";
		var stored = "Organization %s is stored%s; a sheet does not place an organization, so the sheet's is"
				+ " ignored (%supdateOrganization)";
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content(probe.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.containsInAnyOrder(
					stored.formatted("TI-ORGM", " in GE-KK-BOLNISI", ""), stored.formatted("TI-HIDDEN",
							" in GE-KK-TSALKA", ""), stored.formatted("CIF", " with no municipality", ""),
					"An organization's name, kind or municipality without its code names no organization and is"
							+ " ignored",
					"New activity TI-OC-10 names no organizer: no partner loads it or sees its figures in full until"
							+ " one is named (an organizer_code column, or updateActivity)")));
		var cif = this.callers.secret(Role.PARTNER, "CIF");
		try {
			// its people new: TI-1 and TI-2 are of an activity no partner runs; TI-HIDDEN told alike where it is
			for (var hidden : List.of("Marneuli", "Tsalka")) {
				this.mvc.perform(post("/imports/attendance").param("dryRun", "true")
					.header("Authorization", "Bearer " + cif)
					.contentType("text/csv")
					.content(probe.replaceAll(".*,TI-ORGM,.*\n", "").replace("TI-HIDDEN,,Marneuli", "TI-HIDDEN,,"
							+ hidden).getBytes(StandardCharsets.UTF_8)))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.hasItems(
							stored.formatted("CIF", " with no municipality", "ask an admin to place it: "),
							stored.formatted("TI-HIDDEN", "", "ask an admin to place it: "))))
					.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
							"GE-KK-TSALKA"))));
			}
		}
		finally {
			this.callers.deleteKeys();
		}
	}

	/**
	 * A partner lists only its projects' organizations: it is not told another's stored name and kind, nor whether the
	 * sheet's are the stored ones: told where they differed, six dry runs told its kind (a review's). Of one it lists,
	 * it is told them, as its list tells them.
	 */
	@Test
	void aPartnerIsNotToldTheStoredNameOfAnOrganization() throws Exception {
		this.jdbc.update("INSERT INTO organization (code, name, kind) VALUES ('TI-HIDDEN', 'Hidden Circle', 'CSO')");
		var cif = this.callers.secret(Role.PARTNER, "CIF");
		var row = "TI-OC-3,Workshop,workshop,CSO-CAPACITY,2025-10-01,2025-10-01,,TI-1,female,1990,,,%s,%s,%s,\n";
		try {
			for (var given : List.of("Hidden Circle,cso", "Hidden Circle,", ",cso", "Other,cso", ",municipality",
					"Other,")) {
				this.mvc.perform(post("/imports/attendance").param("dryRun", "true")
					.header("Authorization", "Bearer " + cif)
					.contentType("text/csv")
					.content((HEADER + row.formatted("TI-HIDDEN", given.split(",", -1)[0], given.split(",", -1)[1])
							+ row.formatted("CIF", "CIF Georgia", "").replace("TI-1,", "TI-2,"))
						.getBytes(StandardCharsets.UTF_8)))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.warnings.length()").value(2))
					.andExpect(jsonPath("$.warnings[0].message").value("Organization TI-HIDDEN is stored; a sheet does"
							+ " not change a stored organization's name or kind, so the sheet's are ignored"))
					.andExpect(jsonPath("$.warnings[1].message").value("Organization CIF is stored as Civic Integration"
							+ " Foundation (PARTNER) with another name or kind; a sheet does not change them, so the"
							+ " sheet's are ignored"));
			}
		}
		finally {
			this.callers.deleteKeys();
		}
	}

	/**
	 * A new organization is stored with the name and kind its rows give, whichever of them give them, and a stored
	 * name it comes with is told at the first row giving it.
	 */
	@Test
	void aNewOrganizationIsStoredAsItsRowsGiveIt() throws Exception {
		IntakeFixture.load(this.mvc, HEADER + """
				TI-OC-5,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-1,female,1990,,,TI-YV-1,,,
				TI-OC-5,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-2,female,1990,,,TI-YV-1,Youth Voice Club,,
				TI-OC-5,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-3,female,1990,,,TI-YV-1,,activist group,
				TI-OC-5,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-4,female,1990,,,TI-MWA,,,
				TI-OC-5,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-5,female,1990,,,TI-MWA,Marneuli Women's Association,,
				""", false)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created.organizations").value(2))
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(6))
			.andExpect(jsonPath("$.warnings[0].message").value("Organization TI-MWA is new, but CSO-MARNEULI-1 is stored"
					+ " with the name Marneuli Women's Association; if they are one, give one code"));
		assertThat(this.jdbc.queryForList("SELECT code || '|' || name || '|' || kind FROM organization"
				+ " WHERE code LIKE 'TI-%' ORDER BY code", String.class))
			.containsExactly("TI-MWA|Marneuli Women's Association|CSO", "TI-YV-1|Youth Voice Club|ACTIVIST_GROUP");
	}

	/**
	 * A tester's: a new code under a stored organization's name made a second record of it without a word; and a
	 * partner's sheet made a donor, listed to every donor beside the EU, that the partner could not mend. The first is
	 * warned of (an admin told the stored code), the second refused.
	 */
	@Test
	void aStoredNameUnderANewCodeIsWarnedOfAndAPartnerAddsNoDonor() throws Exception {
		load("""
				TI-OC-4,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-1,female,1990,,,TI-CIF,civic  integration foundation,,
				TI-OC-4,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-2,female,1990,,,TI-YV-1,Youth Voice’s Club,,
				TI-OC-4,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-3,female,1990,,,TI-YV-2,youth voice's club,,
				""").andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings.length()").value(2))
			// each named with its own spelling of the name
			.andExpect(jsonPath("$.warnings[0].message").value("Organization TI-CIF is new, but CIF is stored with the"
					+ " name Civic Integration Foundation; if they are one, give one code"))
			.andExpect(jsonPath("$.warnings[1].row").value(4))
			.andExpect(jsonPath("$.warnings[1].message").value("Organization TI-YV-2 is new, but TI-YV-1, new too, comes"
					+ " with the name Youth Voice’s Club; if they are one, give one code"));
		this.jdbc.update("INSERT INTO organization (code, name, kind) VALUES ('TI-SECRET', 'Secret Watchdog', 'CSO')");
		var cif = this.callers.secret(Role.PARTNER, "CIF");
		try {
			this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + cif)
				.contentType("text/csv")
				.content((HEADER + """
						TI-OC-4,Workshop,workshop,CSO-CAPACITY,2025-10-01,2025-10-01,,TI-1,female,1990,,,TI-CIF,Civic Integration Foundation,,
						TI-OC-4,Workshop,workshop,CSO-CAPACITY,2025-10-01,2025-10-01,,TI-4,female,1990,,,TI-SW,Secret Watchdog,,
						TI-OC-4,Workshop,workshop,CSO-CAPACITY,2025-10-01,2025-10-01,,TI-2,female,1990,,,TI-USAID,USAID Georgia,,
						TI-OC-4,Workshop,workshop,CSO-CAPACITY,2025-10-01,2025-10-01,,TI-3,female,1990,,,TI-USAID,USAID Georgia,donor,
						TI-OC-4,Workshop,workshop,CSO-CAPACITY,2025-10-01,2025-10-01,,TI-5,female,1990,,,TI-MWA,Marneuli Women's Association,,
						TI-OC-4,Workshop,workshop,CSO-CAPACITY,2025-10-01,2025-10-01,,TI-6,female,1990,,,TI-USAID,USAID Georgia,partner,
						""").getBytes(StandardCharsets.UTF_8)))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[?(@.column == 'organization_kind' && @.row == 5)].message")
					.value("Organization TI-USAID is new: a partner's sheet adds civil-society organizations, activist"
							+ " groups, municipalities and others; a donor, implementer or partner is added by an admin"))
				.andExpect(jsonPath("$.errors[?(@.column == 'organization_kind' && @.row == 5)].value").value("donor"))
				// the later row's other kind is refused as one the organization's rows disagree on
				.andExpect(jsonPath("$.errors[?(@.column == 'organization_kind' && @.row == 7)].message")
					.value("Row 5 gives donor for organization TI-USAID; all its rows must agree"))
				// of an organization the partner does not list, it is told nothing (a tester's: an existence test); of
				// one it lists, whose people take part in its projects, it is (another tester's: only leads, partners
				// and organizers were compared)
				.andExpect(jsonPath("$.warnings.length()").value(2))
				.andExpect(jsonPath("$.warnings[0].message").value("Organization TI-CIF is new, but CIF is stored with"
						+ " the name Civic Integration Foundation; if they are one, give one code"))
				.andExpect(jsonPath("$.warnings[1].message").value("Organization TI-MWA is new, but CSO-MARNEULI-1 is"
						+ " stored with the name Marneuli Women's Association; if they are one, give one code"));
		}
		finally {
			this.jdbc.update("DELETE FROM organization WHERE code = 'TI-SECRET'");
			this.callers.deleteKeys();
		}
	}

	/**
	 * A person at activities of two organizations takes as their own the organization of their latest activity, told
	 * in a warning, whatever the order of the rows or of the sheets they were split into: the first row's was taken,
	 * and the last sheet's, and with it the person's region.
	 */
	@Test
	void aPersonsOrganizationIsTheirLatestActivitysInAnyOrder() throws Exception {
		var later = "TI-OC-LATE,Late workshop,workshop,TEST-INTAKE,2025-10-02,2025-10-02,,%s,female,1990,,,SCCSF,,,\n";
		var earlier = "TI-OC-EARLY,Early workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,%s,female,1990,,,CIF,,,\n";
		IntakeFixture.load(this.mvc, HEADER + later.formatted("TI-1") + earlier.formatted("TI-1"), false)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IMPORTED"))
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(2))
			.andExpect(jsonPath("$.warnings[0].column").value("organization_code"))
			.andExpect(jsonPath("$.warnings[0].value").doesNotExist())
			.andExpect(jsonPath("$.warnings[0].message").value("Participant TI-1 is at activities of CIF, SCCSF here: "
					+ "each participation keeps its row's organization, and the person's own (which gives their region "
					+ "while their home municipality is unknown) is the one of their latest activity"));
		IntakeFixture.load(this.mvc, HEADER + earlier.formatted("TI-2") + later.formatted("TI-2"), false)
			.andExpect(jsonPath("$.warnings.length()").value(1));
		// the same rows in two sheets, in either order
		for (var sheets : List.of(List.of(later, earlier), List.of(earlier, later))) {
			var person = sheets.get(0) == later ? "TI-3" : "TI-4";
			for (var sheet : sheets) {
				IntakeFixture.load(this.mvc, HEADER + sheet.formatted(person), false)
					.andExpect(jsonPath("$.status").value("IMPORTED"))
					.andExpect(jsonPath("$.warnings.length()").value(0));
			}
		}
		// two activities of one day: the later code decides, in one sheet or two, in either order
		var sameDay = "TI-OC-LATE-B,Same day,workshop,TEST-INTAKE,2025-10-02,2025-10-02,,%s,female,1990,,,CIF,,,\n";
		IntakeFixture.load(this.mvc, HEADER + sameDay.formatted("TI-5") + later.formatted("TI-5"), false)
			.andExpect(jsonPath("$.status").value("IMPORTED"));
		IntakeFixture.load(this.mvc, HEADER + sameDay.formatted("TI-6"), false);
		IntakeFixture.load(this.mvc, HEADER + later.formatted("TI-6"), false);
		IntakeFixture.load(this.mvc, HEADER + later.formatted("TI-7"), false);
		IntakeFixture.load(this.mvc, HEADER + sameDay.formatted("TI-7"), false);
		assertThat(this.jdbc.queryForList("""
				SELECT p.ref || ' ' || o.code FROM participant p JOIN organization o ON o.id = p.organization_id
				WHERE p.ref LIKE 'TI-%' ORDER BY p.ref""", String.class))
			.containsExactly("TI-1 SCCSF", "TI-2 SCCSF", "TI-3 SCCSF", "TI-4 SCCSF", "TI-5 CIF", "TI-6 CIF", "TI-7 CIF");
		// each participation keeps its row's organization
		assertThat(this.jdbc.queryForList("""
				SELECT a.code || ' ' || o.code FROM participation pn JOIN activity a ON a.id = pn.activity_id
				JOIN organization o ON o.id = pn.organization_id JOIN participant p ON p.id = pn.participant_id
				WHERE p.ref = 'TI-3' ORDER BY a.code""", String.class))
			.containsExactly("TI-OC-EARLY CIF", "TI-OC-LATE SCCSF");
	}

	/**
	 * The person's own organization follows their latest activity when a participation is removed or an activity
	 * moved, as when sheets are loaded (it stayed, and with it the region of a mistaken row's organization); a
	 * partner's removal at its own activity too, of a person another organization hosted as well, whom the partner
	 * does not correct otherwise.
	 */
	@Test
	void aPersonsOrganizationFollowsRemovalsAndMoves() throws Exception {
		var early = "TI-OC-EARLY,Early workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,%s,female,1990,,,CIF,,,\n";
		var later = "TI-OC-LATE,Late workshop,workshop,TEST-INTAKE,2025-10-02,2025-10-02,,%s,female,1990,,,SCCSF,,,\n";
		var rows = new StringBuilder(HEADER);
		for (var person : List.of("TI-1", "TI-2", "TI-3")) {
			rows.append(early.formatted(person)).append(later.formatted(person));
		}
		IntakeFixture.load(this.mvc, rows.toString(), false).andExpect(jsonPath("$.status").value("IMPORTED"));
		assertThat(organizations()).containsExactly("TI-1 SCCSF", "TI-2 SCCSF", "TI-3 SCCSF");
		mutation(TestCallers.ADMIN_KEY, "removeParticipation(activity: \"TI-OC-LATE\", ref: \"TI-1\") { code }");
		assertThat(organizations()).containsExactly("TI-1 CIF", "TI-2 SCCSF", "TI-3 SCCSF");
		mutation(TestCallers.ADMIN_KEY, "updateActivity(code: \"TI-OC-LATE\", input: {startDate: \"2025-09-30\", "
				+ "endDate: \"2025-09-30\"}) { code }");
		assertThat(organizations()).containsExactly("TI-1 CIF", "TI-2 CIF", "TI-3 CIF");
		mutation(TestCallers.ADMIN_KEY, "updateActivity(code: \"TI-OC-LATE\", input: {startDate: \"2025-10-02\", "
				+ "endDate: \"2025-10-02\"}) { code }");
		assertThat(organizations()).containsExactly("TI-1 CIF", "TI-2 SCCSF", "TI-3 SCCSF");
		// CIF leads the project and runs the later workshop, SCCSF the earlier one
		this.jdbc.update("UPDATE project SET lead_organization_id = (SELECT id FROM organization WHERE code = 'CIF') "
				+ "WHERE code = 'TEST-INTAKE'");
		this.jdbc.update("UPDATE activity SET organizer_id = (SELECT id FROM organization WHERE code = "
				+ "CASE activity.code WHEN 'TI-OC-LATE' THEN 'CIF' ELSE 'SCCSF' END) WHERE code LIKE 'TI-OC-%'");
		var partner = this.callers.secret(Role.PARTNER, "CIF");
		mutation(partner, "removeParticipation(activity: \"TI-OC-LATE\", ref: \"TI-3\") { code }");
		assertThat(organizations()).containsExactly("TI-1 CIF", "TI-2 SCCSF", "TI-3 CIF");
		// a sheet that moves the later workshop first: people it does not name follow too
		IntakeFixture.load(this.mvc, HEADER + later.replace("2025-10-02", "2025-09-29").formatted("TI-4"), false)
			.andExpect(jsonPath("$.status").value("IMPORTED"));
		assertThat(organizations()).containsExactly("TI-1 CIF", "TI-2 CIF", "TI-3 CIF", "TI-4 SCCSF");
		// and with it their region in reports, which the index answers: CIF's is Kvemo Kartli, SCCSF's
		// Samtskhe-Javakheti, and none of them has a home municipality
		this.mvc.perform(post("/graphql").contentType("application/json").content("{\"query\": \"{ participation("
				+ "filter: {activities: [\\\"TI-OC-LATE\\\"]}) { breakdown(by: [REGION]) { region { code } participants } } }\"}"))
			.andExpect(jsonPath("$.data.participation.breakdown.length()").value(2))
			.andExpect(jsonPath("$.data.participation.breakdown[0].region.code").value("GE-KK"))
			.andExpect(jsonPath("$.data.participation.breakdown[0].participants").value(1))
			.andExpect(jsonPath("$.data.participation.breakdown[1].region.code").value("GE-SJ"))
			.andExpect(jsonPath("$.data.participation.breakdown[1].participants").value(1));
		// one whose only other participation names no organization has none of their own left
		IntakeFixture.load(this.mvc, HEADER + early.replace(",CIF,", ",,").formatted("TI-5"), false);
		IntakeFixture.load(this.mvc, HEADER + later.replace("2025-10-02", "2025-09-29").formatted("TI-5"), false);
		assertThat(organizations()).contains("TI-5 SCCSF");
		mutation(TestCallers.ADMIN_KEY, "removeParticipation(activity: \"TI-OC-LATE\", ref: \"TI-5\") { code }");
		assertThat(this.jdbc.queryForObject("SELECT organization_id FROM participant WHERE ref = 'TI-5'", Long.class))
			.isNull();
		// a partner's sheet changes nothing else of a person another organization hosted too (TI-2, at SCCSF's
		// earlier workshop), but a later activity it adds is their latest, and its organization their own; whether
		// that moved it is not told, the same whatever the organization and day named: counted as moved, dry runs
		// told the partner the organization and the day of their latest activity that others recorded (a review's)
		assertThat(organizations()).contains("TI-2 CIF");
		var cifWorkshop = HEADER + "TI-OC-CIF,CIF workshop,workshop,TEST-INTAKE,2025-12-01,2025-12-01,,TI-2,male,1950,,,"
				+ "SCCSF,,,\n";
		for (var sheet : List.of(cifWorkshop.replace("SCCSF", "CIF"), cifWorkshop.replace("2025-12-01", "2025-09-01"))) {
			this.mvc.perform(post("/imports/attendance").param("dryRun", "true")
				.header("Authorization", "Bearer " + partner)
				.contentType("text/csv")
				.content(sheet.getBytes(StandardCharsets.UTF_8)))
				.andExpect(jsonPath("$.updated.participants").value(0))
				.andExpect(jsonPath("$.unchanged.participants").value(1));
		}
		this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + partner)
			.contentType("text/csv")
			.content(cifWorkshop.getBytes(StandardCharsets.UTF_8)))
			.andExpect(jsonPath("$.status").value("IMPORTED"))
			.andExpect(jsonPath("$.updated.participants").value(0))
			.andExpect(jsonPath("$.unchanged.participants").value(1))
			.andExpect(jsonPath("$.warnings[0].message").value("Participant TI-2 also took part in other organizations' "
					+ "activities: their gender, birth year, disability and home municipality stay as stored, neither "
					+ "compared with this sheet's nor changed by them; their own organization is that of their latest "
					+ "activity"));
		assertThat(this.jdbc.queryForObject("""
				SELECT p.gender || ' ' || p.birth_year || ' ' || o.code FROM participant p
				JOIN organization o ON o.id = p.organization_id WHERE p.ref = 'TI-2'""", String.class))
			.isEqualTo("FEMALE 1990 SCCSF");
		// a row of such a person naming no organization takes none, not their own: it is what other organizations
		// recorded, and the partner's attendance showed it as its own row's (a privacy tester's)
		this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + partner)
			.contentType("text/csv")
			.content((HEADER + "TI-OC-CIF2,CIF meeting,meeting,TEST-INTAKE,2025-12-02,2025-12-02,,TI-2,male,,,,,,,\n")
				.getBytes(StandardCharsets.UTF_8)))
			.andExpect(jsonPath("$.status").value("IMPORTED"));
		assertThat(this.jdbc.queryForObject("""
				SELECT coalesce(o.code, 'none') FROM participation pn JOIN activity a ON a.id = pn.activity_id
				JOIN participant p ON p.id = pn.participant_id LEFT JOIN organization o ON o.id = pn.organization_id
				WHERE a.code = 'TI-OC-CIF2' AND p.ref = 'TI-2'""", String.class)).isEqualTo("none");
		assertThat(organizations()).contains("TI-2 SCCSF");
	}

	/**
	 * People at activities of several organizations are told of in one warning, naming three: one a person filled a
	 * list of 1,000 warnings, and what the sheet changed was not listed (a tester's).
	 */
	@Test
	void peopleAtSeveralOrganizationsAreToldOfOnce() throws Exception {
		var rows = new StringBuilder();
		for (var person : List.of("TI-4", "TI-1", "TI-3", "TI-2")) {
			rows.append("TI-OC-6,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,").append(person)
				.append(",female,1990,,,CIF,,,\n")
				.append("TI-OC-7,Workshop,workshop,TEST-INTAKE,2025-10-02,2025-10-02,,").append(person)
				.append(",female,1990,,,SCCSF,,,\n");
		}
		load(rows.toString()).andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(2))
			.andExpect(jsonPath("$.warnings[0].message").value("4 people are at activities of several organizations"
					+ " here (TI-4 at CIF, SCCSF; TI-1 at CIF, SCCSF; TI-3 at CIF, SCCSF and 1 more): each participation"
					+ " keeps its row's organization, and the person's own (which gives their region while their home"
					+ " municipality is unknown) is the one of their latest activity"));
	}

	/**
	 * Rows without dates, of stored activities, are ordered by the activities' stored starts: they sorted before every
	 * dated row, so the activity of the greater code, or the newest sheet, gave the organization (a tester's).
	 */
	@Test
	void undatedRowsOfStoredActivitiesGoByTheirStoredStarts() throws Exception {
		// TI-OC-Z starts first, TI-OC-A later: codes in the other order
		IntakeFixture.load(this.mvc, HEADER
				+ "TI-OC-Z,Early,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-0,female,1990,,,CIF,,,\n"
				+ "TI-OC-A,Late,workshop,TEST-INTAKE,2025-11-01,2025-11-01,,TI-0,female,1990,,,CIF,,,\n", false)
			.andExpect(jsonPath("$.status").value("IMPORTED"));
		var undated = "activity_code,project_code,participant_ref,gender,organization_code\n";
		IntakeFixture.load(this.mvc, undated + "TI-OC-A,TEST-INTAKE,TI-1,female,CIF\nTI-OC-Z,TEST-INTAKE,TI-1,female,SCCSF\n"
				+ "TI-OC-A,TEST-INTAKE,TI-2,female,CIF\n", false)
			.andExpect(jsonPath("$.status").value("IMPORTED"));
		// the earlier activity, in a later sheet, leaves the organization of the later one
		IntakeFixture.load(this.mvc, undated + "TI-OC-Z,TEST-INTAKE,TI-2,female,SCCSF\n", false)
			.andExpect(jsonPath("$.status").value("IMPORTED"));
		assertThat(organizations()).containsExactly("TI-0 CIF", "TI-1 CIF", "TI-2 CIF");
	}

	/**
	 * A row without a date of a new activity, whose date another of its rows gives (a sheet that gives an activity's
	 * details on its first row alone), goes by that date: it went by the stored start, which a new activity has not,
	 * and was passed over, so an earlier activity gave the person's organization (a review's).
	 */
	@Test
	void undatedRowsOfNewActivitiesGoByTheDateTheSheetGivesThem() throws Exception {
		IntakeFixture.load(this.mvc, HEADER
				+ "TI-OC-L,Late,workshop,TEST-INTAKE,2025-11-01,2025-11-01,,TI-9,female,1990,,,CIF,,,\n"
				+ "TI-OC-L,,,TEST-INTAKE,,,,TI-8,female,1990,,,SCCSF,,,\n"
				+ "TI-OC-E,Early,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-8,female,1990,,,CIF,,,\n", false)
			.andExpect(jsonPath("$.status").value("IMPORTED"));
		assertThat(organizations()).containsExactly("TI-8 SCCSF", "TI-9 CIF");
	}

	private List<String> organizations() {
		return this.jdbc.queryForList("""
				SELECT p.ref || ' ' || o.code FROM participant p JOIN organization o ON o.id = p.organization_id
				WHERE p.ref LIKE 'TI-%' ORDER BY p.ref""", String.class);
	}

	private void mutation(String key, String field) throws Exception {
		this.mvc.perform(post("/graphql").header("Authorization", "Bearer " + key)
			.contentType("application/json")
			.content("{\"query\": \"mutation { " + field.replace("\"", "\\\"") + " }\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errors").doesNotExist());
	}

	private ResultActions load(String rows) throws Exception {
		return this.mvc.perform(post("/imports/attendance").param("dryRun", "true")
			.contentType("text/csv")
			.content((HEADER + rows).getBytes(StandardCharsets.UTF_8)));
	}

}
