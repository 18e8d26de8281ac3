package org.kvali.organization;

import org.kvali.access.Access;
import org.kvali.access.Role;
import org.kvali.graphql.Validation;
import org.kvali.sql.Holders;
import org.kvali.sql.WritersQueue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges an organization into another that is the same body: one a sheet made under a mistyped code, say, for people
 * who belong to a stored one. Everything that named it names the other, and its code becomes an alias of the other,
 * under which later sheets are recorded.
 */
@Service
@Transactional
class OrganizationMerge {

	/** A partner's roles in a project, the most substantive first (the schema's PartnerRole). */
	private static final String ROLES = "ARRAY['CO_APPLICANT', 'IMPLEMENTING_PARTNER', 'REGIONAL_PARTNER', 'ASSOCIATE']";

	/**
	 * Everything that names {@code :from} names {@code :into}: one body in two roles of a project keeps the more
	 * substantive (a lead is not also a partner; a co-applicant stays one), and lists of organizations hold it once.
	 */
	private static final String MOVE = """
			UPDATE participation SET organization_id = :into WHERE organization_id = :from;
			UPDATE participant SET organization_id = :into WHERE organization_id = :from;
			UPDATE activity SET organizer_id = :into WHERE organizer_id = :from;
			UPDATE participant
			SET former_organizers = ARRAY(SELECT DISTINCT o FROM unnest(array_replace(former_organizers, :from, :into)) o
			                              ORDER BY o)
			WHERE :from = ANY(former_organizers);
			UPDATE project SET lead_organization_id = :into WHERE lead_organization_id = :from;
			UPDATE project_partner x SET role = pp.role FROM project_partner pp
			WHERE pp.project_id = x.project_id AND pp.organization_id = :from AND x.organization_id = :into
			  AND array_position(%s, pp.role) < array_position(%s, x.role);
			DELETE FROM project_partner pp USING project p
			WHERE p.id = pp.project_id AND pp.organization_id = :from
			  AND (p.lead_organization_id = :into
			       OR EXISTS (SELECT 1 FROM project_partner x WHERE x.project_id = p.id AND x.organization_id = :into));
			UPDATE project_partner SET organization_id = :into WHERE organization_id = :from;
			DELETE FROM project_partner pp USING project p
			WHERE p.id = pp.project_id AND pp.organization_id = :into AND p.lead_organization_id = :into;
			DELETE FROM programme_donor d WHERE organization_id = :from
			  AND EXISTS (SELECT 1 FROM programme_donor x WHERE x.programme_id = d.programme_id AND x.organization_id = :into);
			UPDATE programme_donor SET organization_id = :into WHERE organization_id = :from;
			UPDATE programme SET publisher_id = :into WHERE publisher_id = :from;
			DELETE FROM api_key_organization ko WHERE organization_id = :from
			  AND EXISTS (SELECT 1 FROM api_key_organization x WHERE x.api_key_id = ko.api_key_id AND x.organization_id = :into);
			UPDATE api_key_organization ko SET organization_id = :into FROM api_key k
			WHERE k.id = ko.api_key_id AND ko.organization_id = :from AND k.revoked_at IS NOT NULL;
			UPDATE indicator_value
			SET reported_for = ARRAY(SELECT DISTINCT o FROM unnest(array_replace(reported_for, :from, :into)) o ORDER BY o)
			WHERE :from = ANY(reported_for);
			UPDATE attendance_import
			SET imported_for = ARRAY(SELECT DISTINCT o FROM unnest(array_replace(imported_for, :from, :into)) o ORDER BY o)
			WHERE :from = ANY(imported_for);
			UPDATE erased_reference
			SET hosted_by = ARRAY(SELECT DISTINCT o FROM unnest(array_replace(hosted_by, :from, :into)) o ORDER BY o)
			WHERE :from = ANY(hosted_by);
			UPDATE deleted_person
			SET hosted_by = ARRAY(SELECT DISTINCT o FROM unnest(array_replace(hosted_by, :from, :into)) o ORDER BY o)
			WHERE :from = ANY(hosted_by);
			UPDATE organization_alias SET organization_id = :into WHERE organization_id = :from;
			DELETE FROM organization WHERE id = :from;
			INSERT INTO organization_alias (code, organization_id) VALUES (:code, :into)""".formatted(ROLES, ROLES);

	private final OrganizationService organizations;

	private final JdbcClient jdbc;

	OrganizationMerge(OrganizationService organizations, JdbcClient jdbc) {
		this.organizations = organizations;
		this.jdbc = jdbc;
	}

	/** Merges the organization of code {@code code} into that of {@code into}, answering the latter. */
	Organization merge(String code, String into) {
		Access.require(Role.ADMIN);
		// no sheet, project or activity names it between the check and the move
		WritersQueue.join(this.jdbc);
		var from = this.organizations.organization(code);
		var target = this.organizations.organization("into", into);
		if (from.id() == target.id()) {
			new Validation().problem("into", into, "An organization is not merged into itself").check();
		}
		var kept = Holders.of(this.jdbc, OrganizationEditor.KEPT, from.id(), from.code());
		if (!kept.isEmpty()) {
			var steps = OrganizationEditor.firstSteps(kept, "revoke the keys (revokeApiKey: a key acting for it would act"
					+ " for " + target.code() + ")");
			new Validation().problem("code", code, Holders.refusal("Organization " + from.code(), kept,
					Holders.joined(steps) + " first, then merge")).check();
		}
		if (from.iatiRef() != null && target.iatiRef() != null && !from.iatiRef().equals(target.iatiRef())) {
			new Validation().problem("code", code, "Organization " + from.code() + " has the IATI identifier "
					+ from.iatiRef() + " and " + target.code() + " has " + target.iatiRef()
					+ ": one body has one; clear the wrong one (updateOrganization, iatiRef: null) first, then merge")
				.check();
		}
		// its activities are the other's, not handed over: their people are not given it as a former organizer, which
		// the other would take in its place (changeset 074)
		this.jdbc.sql("SELECT set_config('kvali.merging', CAST(:from AS text), true)").param("from", from.id())
			.query(String.class)
			.single();
		for (var statement : MOVE.split(";\n")) {
			this.jdbc.sql(statement)
				.param("from", from.id())
				.param("into", target.id())
				.param("code", from.code())
				.update();
		}
		takeWhatItLacks(target, from);
		return this.organizations.organization(target.code());
	}

	/**
	 * What the kept organization lacks it takes from the merged one: its IATI identity, identifier and type together
	 * (it was lost: a tester's), its IATI type, its Georgian name, and its place when it has none.
	 */
	private void takeWhatItLacks(Organization kept, Organization merged) {
		this.jdbc.sql("""
				UPDATE organization SET iati_ref = coalesce(iati_ref, :iatiRef),
				       iati_type = CASE WHEN iati_ref IS NULL AND CAST(:iatiRef AS text) IS NOT NULL
				                        THEN coalesce(:iatiType, iati_type) ELSE coalesce(iati_type, :iatiType) END,
				       name_ka = coalesce(name_ka, :nameKa),
				       municipality_code = CASE WHEN municipality_code IS NULL AND region_code IS NULL
				                                THEN :municipality ELSE municipality_code END,
				       region_code = CASE WHEN municipality_code IS NULL AND region_code IS NULL THEN :region
				                          ELSE region_code END
				WHERE id = :kept""")
			.param("iatiRef", merged.iatiRef()).param("iatiType", merged.iatiType()).param("nameKa", merged.nameKa())
			.param("municipality", merged.municipalityCode()).param("region", merged.regionCode())
			.param("kept", kept.id())
			.update();
	}

}
