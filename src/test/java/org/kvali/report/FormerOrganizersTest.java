package org.kvali.report;

import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whom a person was known to before (changeset 074: {@link FormerOrganizers}): kept by the database for every way a
 * participation goes, and left out of a partner's strangers alike by the index, read whole or caught up, and by SQL.
 */
@IntegrationTest
class FormerOrganizersTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ReportRepository sql;

	/** The default caller, an admin. */
	@Autowired
	HttpGraphQlTester graphQl;

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'FO-%')");
		this.jdbc.update("DELETE FROM participant WHERE ref LIKE 'FO-%'");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'FO-%'");
		this.jdbc.update("DELETE FROM organization_alias WHERE code = 'FO-ORG'");
		this.jdbc.update("DELETE FROM organization WHERE code = 'FO-ORG'");
	}

	/**
	 * Two people removed from CIF's activity and SCCSF's activity handed over to HEKS-EPER, then one's participation
	 * at CIF's corrected to another person: each stays known to the organizer it left, and each path counts the same
	 * strangers, which are fewer than the current participations alone leave.
	 */
	@Test
	void removedMovedAndHandedOverPeopleStayKnownOnBothPaths() {
		var loader = new FactIndexLoader(this.dataSource, this.transactions, new IndexSettings(16));
		activity("FO-CIF", "CIF");
		activity("FO-SCCSF", "SCCSF");
		activity("FO-MOVED", "SCCSF");
		for (int n = 1; n <= 7; n++) {
			this.jdbc.update("INSERT INTO participant (ref, gender) VALUES (?, ?)", "FO-" + n, n % 2 == 0 ? "MALE"
					: "FEMALE");
		}
		attend("FO-CIF", 1, 2, 3, 4, 5);
		attend("FO-SCCSF", 1, 2, 3, 6, 7);
		attend("FO-MOVED", 4, 5);
		long cif = id("CIF");
		long sccsf = id("SCCSF");
		var before = loader.load(null);
		var theirs = ParticipationFilter.ALL.withActivities(List.of("FO-SCCSF")).strangersTo(Set.of(cif));
		var moved = ParticipationFilter.ALL.withActivities(List.of("FO-MOVED")).strangersTo(Set.of(sccsf));
		assertThat(List.of(strangers(before, theirs), strangers(before, moved))).containsExactly(2, 0);
		this.jdbc.update("""
				DELETE FROM participation WHERE activity_id = (SELECT id FROM activity WHERE code = 'FO-CIF')
				  AND participant_id IN (SELECT id FROM participant WHERE ref IN ('FO-1', 'FO-2'))""");
		this.jdbc.update("""
				UPDATE activity SET organizer_id = (SELECT id FROM organization WHERE code = 'HEKS-EPER')
				WHERE code = 'FO-MOVED'""");
		var caughtUp = loader.load(before);
		assertThat(loader.appended()).isOne();
		// the current participations alone would leave FO-1, 2, 6 and 7 of FO-SCCSF, and FO-4 and 5 of FO-MOVED
		assertThat(List.of(strangers(caughtUp, theirs), strangers(caughtUp, moved))).containsExactly(2, 0);
		// and over everyone, as SQL counts them (a caught-up index numbers its persons as no whole read does)
		for (long organization : List.of(cif, sccsf)) {
			strangers(caughtUp, ParticipationFilter.ALL.strangersTo(Set.of(organization)));
		}
		// a participation moved to another person has the index read everything
		this.jdbc.update("""
				UPDATE participation SET participant_id = (SELECT id FROM participant WHERE ref = 'FO-6')
				WHERE activity_id = (SELECT id FROM activity WHERE code = 'FO-CIF')
				  AND participant_id = (SELECT id FROM participant WHERE ref = 'FO-3')""");
		assertThat(formerOrganizers()).containsExactly("FO-1 CIF", "FO-2 CIF", "FO-3 CIF", "FO-4 SCCSF", "FO-5 SCCSF",
				"FO-6 ", "FO-7 ");
		var whole = loader.load(caughtUp);
		assertThat(loader.appended()).isOne();
		// FO-7 alone of FO-SCCSF is a stranger to CIF now, FO-6 being at its activity
		assertThat(List.of(strangers(whole, theirs), strangers(whole, moved))).containsExactly(1, 0);
	}

	/**
	 * An organization merged into another: whom it knew before, the other knows; the people of its activities, which
	 * are the other's now, are not given it as a former organizer.
	 */
	@Test
	void anOrganizationMergedHandsOnWhomItKnewBefore() {
		this.jdbc.update("INSERT INTO organization (code, name, kind) VALUES ('FO-ORG', 'Merged away', 'CSO')");
		activity("FO-ORG-ACT", "FO-ORG");
		this.jdbc.update("INSERT INTO participant (ref, gender) VALUES ('FO-1', 'FEMALE')");
		this.jdbc.update("INSERT INTO participant (ref, gender) VALUES ('FO-2', 'MALE')");
		attend("FO-ORG-ACT", 1, 2);
		this.jdbc.update("DELETE FROM participation WHERE participant_id = (SELECT id FROM participant WHERE ref = 'FO-1')");
		this.jdbc.update("UPDATE participant SET former_organizers = former_organizers || ? WHERE ref = 'FO-1'",
				id("SCCSF"));
		this.graphQl.document("mutation { mergeOrganization(code: \"FO-ORG\", into: \"CIF\") { code } }").execute()
			.path("mergeOrganization.code").entity(String.class).isEqualTo("CIF");
		assertThat(formerOrganizers()).containsExactly("FO-1 CIF,SCCSF", "FO-2 ");
	}

	/** An activity of CSO-CAPACITY run by the organization of this code, made up for a test. */
	private void activity(String code, String organizer) {
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date, organizer_id)
				SELECT ?, pj.id, 'MEETING', 'Made up', DATE '2025-10-10', DATE '2025-10-10', o.id
				FROM project pj, organization o WHERE pj.code = 'CSO-CAPACITY' AND o.code = ?""", code, organizer);
	}

	/** The made-up people FO-n of these numbers at the activity. */
	private void attend(String activity, int... people) {
		for (int n : people) {
			this.jdbc.update("""
					INSERT INTO participation (activity_id, participant_id)
					SELECT a.id, p.id FROM activity a, participant p WHERE a.code = ? AND p.ref = ?""", activity,
					"FO-" + n);
		}
	}

	private long id(String organization) {
		return this.jdbc.queryForObject("SELECT id FROM organization WHERE code = ?", Long.class, organization);
	}

	/** Each made-up person's reference and the codes of their former organizers. */
	private List<String> formerOrganizers() {
		return this.jdbc.queryForList("""
				SELECT p.ref || ' ' || array_to_string(ARRAY(SELECT o.code FROM organization o
				                                              WHERE o.id = ANY(p.former_organizers) ORDER BY o.code), ',')
				FROM participant p WHERE p.ref LIKE 'FO-%' ORDER BY p.ref""", String.class);
	}

	/** The strangers the filter counts in the index, once SQL is seen to count as many. */
	private int strangers(FactIndex index, ParticipationFilter filter) {
		int participants = new IndexQuery(index, filter).totals().participants();
		assertThat(participants).as("%s", filter).isEqualTo(this.sql.totals(filter).participants());
		return participants;
	}

}
