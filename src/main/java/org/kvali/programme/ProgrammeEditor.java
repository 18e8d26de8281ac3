package org.kvali.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kvali.access.Access;
import org.kvali.access.Role;
import org.kvali.graphql.ConflictException;
import org.kvali.graphql.ExplicitNulls;
import org.kvali.graphql.Validation;
import org.kvali.organization.Organization;
import org.kvali.organization.OrganizationService;
import org.kvali.sql.WritersQueue;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes programmes and projects, checking every field before writing any. */
@Service
@Transactional
class ProgrammeEditor {

	private final ProgrammeRepository programmes;

	private final ProgrammeWriter writer;

	private final OrganizationService organizations;

	private final ProgrammeService service;

	private final List<WithinProgramme> within;

	private final JdbcClient jdbc;

	private final List<KeptInProject> kept;

	ProgrammeEditor(ProgrammeRepository programmes, ProgrammeWriter writer, OrganizationService organizations,
			ProgrammeService service, List<WithinProgramme> within, JdbcClient jdbc, List<KeptInProject> kept) {
		this.kept = kept;
		this.programmes = programmes;
		this.writer = writer;
		this.organizations = organizations;
		this.service = service;
		this.within = within;
		this.jdbc = jdbc;
	}

	Programme createProgramme(ProgrammeInputs.CreateProgramme input) {
		Access.require(Role.ADMIN);
		var donors = organizations(input.donors());
		var publisher = publisher(input.publisher());
		new Validation().code("input.code", input.code())
			.line("input.name", input.name(), true, 500)
			.line("input.nameKa", input.nameKa(), false, 500)
			.text("input.description", input.description(), false, 5000)
			.dates("input.endDate", input.startDate(), input.endDate())
			.known("input.donors", "organization", input.donors(), donors.keySet(),
					this.organizations::codeInAnotherCase)
			.known("input.publisher", "organization", input.publisher() == null ? null : List.of(input.publisher()),
					publisher == null ? List.of() : List.of(input.publisher()), this.organizations::codeInAnotherCase)
			.check();
		if (!this.programmes.programmesByCodes(List.of(input.code())).isEmpty()) {
			throw new ConflictException("programme", "input.code", input.code());
		}
		try {
			long id = this.writer.insertProgramme(input.code(), input.name(), input.nameKa(), input.description(),
					input.startDate(), input.endDate(), publisher == null ? null : publisher.id());
			this.writer.replaceDonors(id, donors.values().stream().map(Organization::id).toList());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("programme", "input.code", input.code());
		}
		return programme(input.code());
	}

	/**
	 * Changes the fields given; of those given as null, clears the Georgian name, description, donors and publisher.
	 */
	Programme updateProgramme(String code, ProgrammeInputs.UpdateProgramme input, Set<String> nulls) {
		Access.require(Role.ADMIN);
		var stored = programme(code);
		var donors = organizations(input.donors());
		var publisher = publisher(input.publisher());
		var validation = new Validation().lineToKeep("input.name", input.name(), 500)
			.line("input.nameKa", input.nameKa(), false, 500)
			.text("input.description", input.description(), false, 5000)
			.changedDates(input.startDate(), input.endDate(), stored.startDate(), stored.endDate())
			.known("input.donors", "organization", input.donors(), donors.keySet(),
					this.organizations::codeInAnotherCase)
			.known("input.publisher", "organization", input.publisher() == null ? null : List.of(input.publisher()),
					publisher == null ? List.of() : List.of(input.publisher()), this.organizations::codeInAnotherCase);
		ExplicitNulls.refuse(nulls, validation, "name", "startDate", "endDate");
		if (input.startDate() != null || input.endDate() != null) {
			// nothing is added between the checks and the update
			WritersQueue.join(this.jdbc);
			this.within.forEach(kept -> kept.checkMove(stored.id(), input.startDate(), input.endDate(), validation));
		}
		validation.check();
		this.writer.updateProgramme(stored.id(), input.name(), input.nameKa(), input.description(), input.startDate(),
				input.endDate(), publisher == null ? null : publisher.id(), nulls);
		if (input.donors() != null || nulls.contains("donors")) {
			this.writer.replaceDonors(stored.id(), donors.values().stream().map(Organization::id).toList());
		}
		return programme(code);
	}

	Project createProject(ProgrammeInputs.CreateProject input) {
		Access.require(Role.ADMIN);
		queueForDates(input.startDate(), input.endDate());
		var programme = this.programmes.programmesByCodes(input.programme() == null ? List.of() : List.of(input.programme()));
		var partners = input.partners() == null ? List.<ProgrammeInputs.Partner>of() : input.partners();
		var orgs = organizations(partnerCodes(input.lead(), partners));
		var validation = new Validation().code("input.code", input.code())
			.line("input.name", input.name(), true, 500)
			.line("input.nameKa", input.nameKa(), false, 500)
			.dates("input.endDate", input.startDate(), input.endDate())
			.known("input.programme", "programme", List.of(input.programme()),
					programme.stream().map(Programme::code).toList(), this.programmes::programmeCodeInAnotherCase)
			.known("input.lead", "organization", input.lead() == null ? null : List.of(input.lead()), orgs.keySet(),
					this.organizations::codeInAnotherCase)
			.known("input.partners", "organization", partners.stream().map(ProgrammeInputs.Partner::organization).toList(),
					orgs.keySet(), this.organizations::codeInAnotherCase);
		duplicatePartners(validation, partners);
		if (!programme.isEmpty()) {
			ProgrammeDates.checkProject(programme.get(0), input.startDate(), input.endDate(), validation);
		}
		validation.check();
		if (!this.programmes.projectsByCodes(List.of(input.code())).isEmpty()) {
			throw new ConflictException("project", "input.code", input.code());
		}
		try {
			long id = this.writer.insertProject(input.code(), programme.get(0).id(), input.name(), input.nameKa(),
					input.lead() == null ? null : orgs.get(input.lead()).id(), input.startDate(), input.endDate());
			this.writer.replacePartners(id, partners(id, partners, orgs));
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("project", "input.code", input.code());
		}
		return project(input.code());
	}

	/** Changes the fields given; of those given as null, clears the Georgian name, lead and partners. */
	Project updateProject(String code, ProgrammeInputs.UpdateProject input, Set<String> nulls) {
		Access.require(Role.ADMIN);
		boolean leadGiven = input.lead() != null || nulls.contains("lead");
		boolean partnersGiven = input.partners() != null || nulls.contains("partners");
		if (leadGiven || partnersGiven) {
			// no activity gets an organizer between the check of its organizers and the change
			WritersQueue.join(this.jdbc);
		}
		queueForDates(input.startDate(), input.endDate());
		var stored = project(code);
		var partners = input.partners();
		var orgs = organizations(partnerCodes(input.lead(), partners == null ? List.of() : partners));
		var validation = new Validation().lineToKeep("input.name", input.name(), 500)
			.line("input.nameKa", input.nameKa(), false, 500)
			.changedDates(input.startDate(), input.endDate(), stored.startDate(), stored.endDate())
			.known("input.lead", "organization", input.lead() == null ? null : List.of(input.lead()), orgs.keySet(),
					this.organizations::codeInAnotherCase)
			.known("input.partners", "organization",
					partners == null ? null : partners.stream().map(ProgrammeInputs.Partner::organization).toList(),
					orgs.keySet(), this.organizations::codeInAnotherCase);
		if (partners != null) {
			duplicatePartners(validation, partners);
		}
		ExplicitNulls.refuse(nulls, validation, "name", "startDate", "endDate");
		var programme = this.service.programmesById(List.of(stored.programmeId())).get(stored.programmeId());
		ProgrammeDates.checkProject(programme, input.startDate(), input.endDate(), validation);
		if ((leadGiven || partnersGiven) && !validation.refusedAny()) {
			var lead = input.lead() == null ? null : orgs.get(input.lead()).id();
			var partnerIds = partners == null ? List.<Long>of()
					: partners.stream().map(partner -> orgs.get(partner.organization()).id()).toList();
			this.kept.forEach(check -> check.checkChange(stored.id(), leadGiven, lead, partnersGiven, partnerIds,
					validation));
		}
		validation.check();
		this.writer.updateProject(stored.id(), input.name(), input.nameKa(),
				input.lead() == null ? null : orgs.get(input.lead()).id(), input.startDate(), input.endDate(), nulls);
		if (partners != null || nulls.contains("partners")) {
			this.writer.replacePartners(stored.id(),
					partners == null ? List.of() : partners(stored.id(), partners, orgs));
		}
		return project(code);
	}

	/** A project's dates are checked against its programme's as they stand at the write: no move comes between. */
	private void queueForDates(LocalDate start, LocalDate end) {
		if (start != null || end != null) {
			WritersQueue.join(this.jdbc);
		}
	}

	private Programme programme(String code) {
		return this.service.programme("code", code);
	}

	private Project project(String code) {
		return this.service.project("code", code);
	}

	private Organization publisher(String code) {
		return code == null ? null : organizations(List.of(code)).get(code);
	}

	private Map<String, Organization> organizations(List<String> codes) {
		return codes == null || codes.isEmpty() ? Map.of() : this.organizations.organizationsByCode(codes);
	}

	private static List<String> partnerCodes(String lead, List<ProgrammeInputs.Partner> partners) {
		var codes = new java.util.ArrayList<String>();
		if (lead != null) {
			codes.add(lead);
		}
		partners.forEach(partner -> codes.add(partner.organization()));
		return codes;
	}

	private static void duplicatePartners(Validation validation, List<ProgrammeInputs.Partner> partners) {
		var seen = new java.util.HashSet<String>();
		for (var partner : partners) {
			if (!seen.add(partner.organization())) {
				validation.problem("input.partners", partner.organization(), "Listed as a partner twice");
			}
		}
	}

	private static List<ProjectPartner> partners(long projectId, List<ProgrammeInputs.Partner> partners,
			Map<String, Organization> orgs) {
		return partners.stream()
			.map(partner -> new ProjectPartner(projectId, orgs.get(partner.organization()).id(), partner.role()))
			.toList();
	}


}
