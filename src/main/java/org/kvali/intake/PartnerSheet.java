package org.kvali.intake;

import java.util.Set;

import org.kvali.access.PartnerScope;
import org.kvali.organization.TakingPart;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a partner's sheet is held to: the projects its organizations lead or partner (the only ones it loads into,
 * and the only ones whose people it may name) and those organizations (the activities it runs, and the organizers
 * of the activities it creates). An admin's sheet has none.
 */
record PartnerSheet(Set<Long> projects, Set<Long> organizations) {

	Long[] projectIds() {
		return this.projects.toArray(Long[]::new);
	}

	Long[] organizationIds() {
		return this.organizations.toArray(Long[]::new);
	}

	/** The value of {@code :organizations}: the partner's organizations, null for an admin's sheet (no partner). */
	static Long[] organizationIds(PartnerSheet partner) {
		return partner == null ? null : partner.organizationIds();
	}

	/**
	 * SQL: the partner's sheet keeps the stored details of the person aliased {@code person} (of {@code import_person})
	 * as stored ({@link PartnerScope#keptAsStored(String)}); false for an admin's sheet and a new person. Asked once
	 * per person as the sheet was matched ({@link StoredMatches}): asked in each of the fifteen statements that need
	 * it, per person or per row, a partner's sheet of 200,000 stored people sent again into 10 million participations
	 * took 10.2 to 13.0 s; 6.5 to 8.8 s so.
	 */
	static String keptAsStored(String person) {
		return "(%1$s.stored_elsewhere OR %1$s.stored_nowhere)".formatted(person);
	}

	/** SQL: as {@link #keptAsStored(String)}, or the sheet keeps this detail as an admin corrected it. */
	static String keptAsStored(String person, String detail) {
		return "(" + keptAsStored(person) + " OR " + correctedByAdmin(person, detail) + ")";
	}

	/**
	 * SQL: the sheet is a partner's and an admin corrected this detail ({@link PartnerScope#DETAILS}) of the stored
	 * person aliased {@code person} (of {@code import_person}); false for an admin's sheet.
	 */
	static String correctedByAdmin(String person, String detail) {
		if (!PartnerScope.DETAILS.contains(detail)) {
			throw new IllegalArgumentException("No detail of a person: " + detail);
		}
		return "('%s' = ANY(%s.stored_corrected))".formatted(detail, person);
	}

	/**
	 * SQL: the stored person whose id is {@code person} took part in a project not among {@code :allowed} (the
	 * partner's): a partner may not name them at all.
	 */
	static String inOtherProjects(String person) {
		return """
				EXISTS (SELECT 1 FROM participation pn JOIN activity a ON a.id = pn.activity_id
				        WHERE pn.participant_id = %s AND a.project_id <> ALL(CAST(:allowed AS bigint[])))"""
			.formatted(person);
	}

	/**
	 * SQL: the stored person whose id is {@code person} took part in no activity that one of {@code :organizations}
	 * (the partner's) runs: they are someone else's participant, whose details a partner naming them would see in
	 * its full aggregates.
	 */
	static String notOwnParticipant(String person) {
		return """
				NOT EXISTS (SELECT 1 FROM participation pn JOIN activity a ON a.id = pn.activity_id
				            WHERE pn.participant_id = %s AND a.organizer_id = ANY(CAST(:organizations AS bigint[])))"""
			.formatted(person);
	}

	/**
	 * SQL: the staged activity aliased {@code activity} is new, or one the partner runs ({@code :organizations}; null
	 * for an admin, to whom every activity is told): only then do the sheet's checks tell what is stored of it (its
	 * project, its dates). Rows of another's activity are refused as such, and a partner is told nothing of it, as
	 * {@code activity(code)} tells nothing.
	 */
	static String toldOf(String activity) {
		return """
				(CAST(:organizations AS bigint[]) IS NULL OR %1$s.stored_id IS NULL
				 OR %1$s.stored_organizer_id = ANY(CAST(:organizations AS bigint[])))""".formatted(activity);
	}

	/**
	 * SQL: the organization whose id is {@code organization} is one the partner lists: one taking part in its
	 * projects ({@code :allowed}; null for an admin, to whom every organization is told), as the organization list
	 * tells it ({@link TakingPart}: {@code :represented} and {@code :own} bound as for it).
	 */
	static String listable(String organization) {
		return "CAST(:allowed AS bigint[]) IS NULL OR "
				+ TakingPart.in(organization, "SELECT unnest(CAST(:allowed AS bigint[]))");
	}

	/**
	 * The statement with what {@link #listable} and {@link #namesByCode} read bound: the partner's projects and
	 * organizations (none for an admin's sheet), and {@code represented}, the size from which an organization
	 * represented at them is listed.
	 */
	static JdbcClient.StatementSpec listing(JdbcClient jdbc, PartnerSheet partner, int represented, String sql) {
		return jdbc.sql(sql)
			.param("allowed", partner == null ? null : partner.projectIds())
			.param("represented", represented)
			.param("own", organizationIds(partner));
	}

	/**
	 * SQL: a row holding the code of the organization whose id is {@code organization} (or of none stored) may tell it
	 * to the partner: its code is one the sheet wrote, no other having been merged into it, or the partner lists it
	 * ({@link #listable}, asked last: it counts the people of the projects' organizations). A row of a merged code is
	 * recorded under the one it was merged into, by a code it did not write. Binds as {@link #listable}.
	 */
	static String namesByCode(String organization) {
		return "(NOT EXISTS (SELECT 1 FROM organization_alias x WHERE x.organization_id = " + organization + ") OR "
				+ listable(organization) + ")";
	}

}
