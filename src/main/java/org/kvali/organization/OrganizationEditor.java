package org.kvali.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kvali.access.Access;
import org.kvali.access.Role;
import org.kvali.geography.GeographyService;
import org.kvali.geography.Municipality;
import org.kvali.graphql.ConflictException;
import org.kvali.graphql.ExplicitNulls;
import org.kvali.graphql.Validation;
import org.kvali.sql.ErasedReferences;
import org.kvali.sql.Holders;
import org.kvali.sql.WritersQueue;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and deletes organizations, checking every field before writing. */
@Service
@Transactional
class OrganizationEditor {

	/**
	 * What a merge does not move ({@link Holders}): a key that acts for it would then act for the other, and an
	 * indicator's filter is its definition.
	 */
	static final String KEPT = """
			SELECT 10, 'API key acting for it', 'API keys acting for it', k.name
			FROM api_key_organization ko JOIN api_key k ON k.id = ko.api_key_id
			WHERE ko.organization_id = :id AND k.revoked_at IS NULL
			UNION ALL
			""" + Holders.namingFilters(11, "organizations", "organizers");

	/**
	 * SQL: a person's reference as a holder is named, an erased person's counted alone: nothing links it to the old
	 * one (see ActivityDeletion).
	 */
	private static final String NAMED_REF = ErasedReferences.named("pt.ref");

	/**
	 * What names an organization ({@link Holders}): values reported for it too, which it keeps, and codes merged into
	 * it, which sheets would make again; not a revoked key, nor the sheets loaded for it, which only remember it.
	 * Participations and people are told by the people's references: the admin who is told (no other may delete) has
	 * no other way to find them, reports never list people.
	 */
	private static final String HOLDERS = """
			SELECT 1, 'programme it funds', 'programmes it funds', p.code
			FROM programme_donor d JOIN programme p ON p.id = d.programme_id WHERE d.organization_id = :id
			UNION ALL SELECT 2, 'programme it publishes', 'programmes it publishes', code
			FROM programme WHERE publisher_id = :id
			UNION ALL SELECT 3, 'project it leads', 'projects it leads', code FROM project WHERE lead_organization_id = :id
			UNION ALL SELECT 4, 'project it partners', 'projects it partners', p.code
			FROM project_partner pp JOIN project p ON p.id = pp.project_id WHERE pp.organization_id = :id
			UNION ALL SELECT 5, 'activity it runs', 'activities it runs', code FROM activity WHERE organizer_id = :id
			UNION ALL SELECT 6, 'participation', 'participations', %1$s
			FROM participation pn JOIN participant pt ON pt.id = pn.participant_id WHERE pn.organization_id = :id
			UNION ALL SELECT 7, 'person of it', 'people of it', %1$s FROM participant pt WHERE organization_id = :id
			UNION ALL SELECT 8, 'value reported for it', 'values reported for it', i.code
			FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE :id = ANY(v.reported_for)
			UNION ALL SELECT 9, 'code merged into it', 'codes merged into it', code
			FROM organization_alias WHERE organization_id = :id
			UNION ALL
			""".formatted(NAMED_REF) + KEPT;

	/** The deletion of an organization nothing holds, and of what only remembers it. */
	private static final String FORGET = """
			DELETE FROM api_key_organization ko USING api_key k
			WHERE k.id = ko.api_key_id AND ko.organization_id = :id AND k.revoked_at IS NOT NULL;
			UPDATE attendance_import SET imported_for = array_remove(imported_for, :id) WHERE :id = ANY(imported_for);
			UPDATE erased_reference SET hosted_by = array_remove(hosted_by, :id) WHERE :id = ANY(hosted_by);
			UPDATE deleted_person SET hosted_by = array_remove(hosted_by, :id) WHERE :id = ANY(hosted_by);
			DELETE FROM organization WHERE id = :id""";

	private final OrganizationService organizations;

	private final GeographyService geography;

	private final JdbcClient jdbc;

	OrganizationEditor(OrganizationService organizations, GeographyService geography, JdbcClient jdbc) {
		this.organizations = organizations;
		this.geography = geography;
		this.jdbc = jdbc;
	}

	Organization create(OrganizationInputs.Create input) {
		Access.require(Role.ADMIN);
		// the checks of merged codes and codes taken as a merge leaves them: run before it committed, the one found no
		// alias yet, the other no code any more, and an organization was made of a merged code, which sheets naming
		// it never reach (a review's)
		WritersQueue.join(this.jdbc);
		var validation = new Validation().code("input.code", input.code()).line("input.name", input.name(), true, 300);
		// sheets naming a merged organization's code are recorded under the one it was merged into
		this.organizations.mergedInto(input.code()).ifPresent(into -> validation.problem("input.code", input.code(),
				"Code " + input.code() + " was merged into " + into + ", and sheets naming it are recorded as " + into
						+ ": choose another code"));
		IatiIdentity.check(validation, input.iatiRef(), input.iatiType(), null, this.jdbc);
		check(validation, input.nameKa(), input.municipality(), input.region(), input.municipality());
		// taken in any case; the error names the spelling stored
		this.organizations.codeInAnotherCase(input.code()).ifPresent(stored -> {
			throw new ConflictException("organization", "input.code", input.code(), stored);
		});
		try {
			this.jdbc.sql("""
					INSERT INTO organization (code, name, name_ka, kind, municipality_code, region_code, iati_ref,
					                          iati_type)
					VALUES (:code, :name, :nameKa, :kind, :municipality, :region, :iatiRef, :iatiType)""")
				.param("code", input.code()).param("name", input.name()).param("nameKa", input.nameKa())
				.param("kind", input.kind().name()).param("municipality", input.municipality())
				.param("region", input.region()).param("iatiRef", input.iatiRef()).param("iatiType", input.iatiType())
				.update();
		}
		catch (DuplicateKeyException ex) {
			// another took the IATI identifier since the check
			throw IatiIdentity.taken(ex) ? new ConflictException("organization", "input.iatiRef", input.iatiRef())
					: new ConflictException("organization", "input.code", input.code());
		}
		return this.organizations.organization(input.code());
	}

	/**
	 * Changes the fields given; of those given as null, clears the Georgian name, the municipality (the region stays)
	 * and the region of an organization left without a municipality.
	 */
	Organization update(String code, OrganizationInputs.Update input, Set<String> nulls) {
		Access.require(Role.ADMIN);
		// the place checked is the one stored at the write: a move of its municipality, or a merge giving it one, does
		// not come between (a review's: a region checked against the municipality before a move was stored beside it)
		WritersQueue.join(this.jdbc);
		var stored = this.organizations.organization(code);
		var placed = input.municipality() != null ? input.municipality()
				: nulls.contains("municipality") ? null : stored.municipalityCode();
		var validation = new Validation().lineToKeep("input.name", input.name(), 300);
		ExplicitNulls.refuse(nulls, validation, "name", "kind");
		if (nulls.contains("region") && placed != null) {
			validation.problem("input.region", null, "The organization's region is its municipality's (" + placed
					+ "); clear the municipality too to leave it without a place");
		}
		IatiIdentity.check(validation, input.iatiRef(), input.iatiType(), stored.id(), this.jdbc);
		check(validation, input.nameKa(), input.municipality(), input.region(), placed);
		try {
			updateRow(stored.id(), input, nulls);
		}
		catch (DuplicateKeyException ex) {
			// another took the IATI identifier since the check
			throw new ConflictException("organization", "input.iatiRef", input.iatiRef());
		}
		return this.organizations.organization(code);
	}

	private void updateRow(long id, OrganizationInputs.Update input, Set<String> nulls) {
		this.jdbc.sql("""
				UPDATE organization SET name = coalesce(:name, name),
				       iati_ref = CASE WHEN :noIatiRef THEN NULL ELSE coalesce(:iatiRef, iati_ref) END,
				       iati_type = CASE WHEN :noIatiType THEN NULL ELSE coalesce(:iatiType, iati_type) END,
				       name_ka = CASE WHEN :noNameKa THEN NULL ELSE coalesce(:nameKa, name_ka) END,
				       kind = coalesce(:kind, kind),
				       municipality_code = CASE WHEN :noMunicipality THEN NULL
				                                ELSE coalesce(:municipality, municipality_code) END,
				       region_code = CASE WHEN :noRegion THEN NULL
				                          -- placed by its municipality alone, it keeps the region it was shown in
				                          WHEN :noMunicipality THEN coalesce(:region,
				                              (SELECT m.parent_code FROM geo_unit m
				                               WHERE m.code = organization.municipality_code), region_code)
				                          ELSE coalesce(:region, region_code) END
				WHERE id = :id""")
			.param("id", id).param("name", input.name()).param("nameKa", input.nameKa())
			.param("kind", input.kind() == null ? null : input.kind().name())
			.param("municipality", input.municipality()).param("region", input.region())
			.param("noNameKa", nulls.contains("nameKa")).param("noMunicipality", nulls.contains("municipality"))
			.param("noRegion", nulls.contains("region")).param("iatiRef", input.iatiRef())
			.param("iatiType", input.iatiType()).param("noIatiRef", nulls.contains("iatiRef"))
			.param("noIatiType", nulls.contains("iatiType"))
			.update();
	}

	/**
	 * Deletes an organization nothing names (one created under a mistyped code, say), answering its code; one that
	 * anything names is refused, telling what.
	 */
	String delete(String code) {
		Access.require(Role.ADMIN);
		// no sheet, project or activity names it between the check and the deletion
		WritersQueue.join(this.jdbc);
		var stored = this.organizations.organization(code);
		var held = Holders.of(this.jdbc, HOLDERS, stored.id(), stored.code());
		if (!held.isEmpty()) {
			new Validation().problem("code", code, Holders.refusal("Organization " + stored.code(), held,
					remedy(held))).check();
		}
		// a revoked key, and the history of sheets and erasures, keep no deleted organization
		for (var statement : FORGET.split(";\n")) {
			this.jdbc.sql(statement).param("id", stored.id()).update();
		}
		return stored.code();
	}

	/**
	 * What to do, in the order it can be done: keys and indicators first (a merge is refused while they name it), then
	 * a merge, which moves the rest, or changes one by one, where no merged code holds it (those go with a merge alone).
	 */
	private static String remedy(List<Holders.Held> held) {
		var first = firstSteps(held, "revoke the keys (revokeApiKey)");
		boolean merged = held.stream().anyMatch(kind -> kind.place() == 9);
		boolean others = held.stream().anyMatch(kind -> kind.place() < 9);
		if (!merged && !others) {
			return Holders.joined(first) + " first, then the organization";
		}
		var merge = "merge it into the organization it should be (mergeOrganization), which moves "
				+ (others ? "them" : "its codes") + " and removes it" + (merged ? " (codes merged into it go no other way)"
						: ", or change them one by one and delete it");
		return first.isEmpty() ? merge : Holders.joined(first) + " first, then " + merge;
	}

	/**
	 * What must go before a merge or deletion, among the holders ({@link #KEPT}, places 10 and 11): the keys, told as
	 * {@code keys}, and the indicators whose filters name it.
	 */
	static List<String> firstSteps(List<Holders.Held> held, String keys) {
		var steps = new ArrayList<String>();
		held.stream().filter(kind -> kind.place() == 10).findAny().ifPresent(kind -> steps.add(keys));
		held.stream().filter(kind -> kind.place() == 11).findAny().ifPresent(kind -> steps.add(Holders.INDICATORS));
		return steps;
	}

	/**
	 * Checks the fields both mutations share. An organization's region is its municipality's ({@code placed}: the one
	 * given, else the one stored), so a region given beside it must be that one: another would be stored and never
	 * shown.
	 */
	private void check(Validation validation, String nameKa, String municipality, String region, String placed) {
		var municipalities = placed == null ? Map.<String, Municipality>of()
				: this.geography.municipalitiesByCode(List.of(placed));
		var places = this.geography.hints();
		validation.line("input.nameKa", nameKa, false, 300)
			.known("input.municipality", "municipality", municipality == null ? null : List.of(municipality),
					municipalities.keySet(), places::municipalityMeant, places.regionIn("input.region"))
			.known("input.region", "region", region == null ? null : List.of(region),
					region == null ? List.of() : this.geography.regionsByCode(List.of(region)).keySet(),
					places::regionMeant, places.municipalityIn("input.municipality"));
		var in = placed == null ? null : municipalities.get(placed);
		if (region != null && in != null && !in.regionCode().equals(region)) {
			validation.problem("input.region", region, "The organization's municipality " + placed + " lies in "
					+ in.regionCode() + "; its region is that one");
		}
		validation.check();
	}

}
