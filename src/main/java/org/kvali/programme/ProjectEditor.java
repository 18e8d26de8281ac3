package org.kvali.programme;

import java.util.ArrayList;
import java.util.HashSet;
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

/** Creates and changes projects, checking every field before writing any. */
@Service
@Transactional
class ProjectEditor {

	private final ProgrammeRepository programmes;

	private final ProgrammeWriter writer;

	private final OrganizationService organizations;

	private final ProgrammeService service;

	private final JdbcClient jdbc;

	private final List<KeptInProject> kept;

	private final List<WithinProject> within;

	ProjectEditor(ProgrammeRepository programmes, ProgrammeWriter writer, OrganizationService organizations,
			ProgrammeService service, JdbcClient jdbc, List<KeptInProject> kept, List<WithinProject> within) {
		this.programmes = programmes;
		this.writer = writer;
		this.organizations = organizations;
		this.service = service;
		this.jdbc = jdbc;
		this.kept = kept;
		this.within = within;
	}

	Project createProject(ProgrammeInputs.CreateProject input) {
		Access.require(Role.ADMIN);
		// a project's dates are checked against its programme's as they stand at the write: no move comes between
		WritersQueue.joinIf(input.startDate() != null || input.endDate() != null, this.jdbc);
		var programme = this.programmes.programmesByCodes(input.programme() == null ? List.of() : List.of(input.programme()));
		var partners = input.partners() == null ? List.<ProgrammeInputs.Partner>of() : input.partners();
		var orgs = this.organizations.organizationsByCode(partnerCodes(input.lead(), partners));
		var validation = new Validation().code("input.code", input.code())
			.line("input.name", input.name(), true, 500)
			.line("input.nameKa", input.nameKa(), false, 500)
			.dates("input.endDate", input.startDate(), input.endDate())
			.known("input.programme", "programme", List.of(input.programme()),
					programme.stream().map(Programme::code).toList(), this.programmes::programmeCodeInAnotherCase)
			.known("input.lead", "organization", input.lead() == null ? null : List.of(input.lead()), orgs.keySet(),
					this.organizations::codeInAnotherCase, this.organizations::mergeTold)
			.known("input.partners", "organization", partners.stream().map(ProgrammeInputs.Partner::organization).toList(),
					orgs.keySet(), this.organizations::codeInAnotherCase, this.organizations::mergeTold);
		duplicatePartners(validation, partners);
		if (input.lead() != null && !validation.refused("input.lead") && !validation.refused("input.partners")) {
			leadNotPartner(validation, "input.partners", input.lead(), orgs.get(input.lead()).id(), ids(partners, orgs));
		}
		if (!programme.isEmpty()) {
			ProgrammeDates.checkProject(programme.get(0), input.startDate(), input.endDate(), validation);
		}
		validation.check();
		// taken in any case; the error names the spelling stored
		this.programmes.projectCodeInAnotherCase(input.code()).ifPresent(stored -> {
			throw new ConflictException("project", "input.code", input.code(), stored);
		});
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
		// no activity gets an organizer between the check of its organizers and the change, and the dates are checked
		// against the programme and activities as they stand at the write
		WritersQueue.joinIf(leadGiven || partnersGiven || input.startDate() != null || input.endDate() != null,
				this.jdbc);
		var stored = project(code);
		var partners = input.partners();
		var orgs = this.organizations.organizationsByCode(partnerCodes(input.lead(),
				partners == null ? List.of() : partners));
		var validation = new Validation().lineToKeep("input.name", input.name(), 500)
			.line("input.nameKa", input.nameKa(), false, 500)
			.changedDates(input.startDate(), input.endDate(), stored.startDate(), stored.endDate())
			.known("input.lead", "organization", input.lead() == null ? null : List.of(input.lead()), orgs.keySet(),
					this.organizations::codeInAnotherCase, this.organizations::mergeTold)
			.known("input.partners", "organization",
					partners == null ? null : partners.stream().map(ProgrammeInputs.Partner::organization).toList(),
					orgs.keySet(), this.organizations::codeInAnotherCase, this.organizations::mergeTold);
		if (partners != null) {
			duplicatePartners(validation, partners);
		}
		ExplicitNulls.refuse(nulls, validation, "name", "startDate", "endDate");
		if ((input.lead() != null || partners != null) && !validation.refused("input.lead")
				&& !validation.refused("input.partners")) {
			// the lead and partners as the change leaves them
			// boxed: a lead cleared or never given is null (a primitive here unboxed it, and the change failed)
			Long lead = input.lead() != null ? Long.valueOf(orgs.get(input.lead()).id())
					: leadGiven ? null : stored.leadOrganizationId();
			var partnerIds = partners != null ? ids(partners, orgs) : partnersGiven ? List.<Long>of()
					: this.service.partnersOfProjects(List.of(stored.id())).getOrDefault(stored.id(), List.of()).stream()
						.map(ProjectPartner::organizationId).toList();
			var named = input.lead() != null ? input.lead() : partners.stream().map(ProgrammeInputs.Partner::organization)
				.filter(partner -> lead != null && orgs.get(partner).id() == lead).findFirst().orElse(null);
			leadNotPartner(validation, partners != null ? "input.partners" : "input.lead", named, lead, partnerIds);
		}
		var programme = this.service.programmesById(List.of(stored.programmeId())).get(stored.programmeId());
		ProgrammeDates.checkProject(programme, input.startDate(), input.endDate(), validation);
		// dates refused already would leave out what they would, told again
		if ((input.startDate() != null || input.endDate() != null) && !validation.refused("input.startDate")
				&& !validation.refused("input.endDate")) {
			this.within.forEach(check -> check.checkProjectMove(stored.id(), input.startDate(), input.endDate(),
					validation));
		}
		if ((leadGiven || partnersGiven) && !validation.refusedAny()) {
			var lead = input.lead() == null ? null : orgs.get(input.lead()).id();
			var partnerIds = partners == null ? List.<Long>of() : ids(partners, orgs);
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

	private Project project(String code) {
		return this.service.project("code", code);
	}


	private static List<String> partnerCodes(String lead, List<ProgrammeInputs.Partner> partners) {
		var codes = new ArrayList<String>();
		if (lead != null) {
			codes.add(lead);
		}
		partners.forEach(partner -> codes.add(partner.organization()));
		return codes;
	}

	/** A project's lead is not also one of its partners: listed twice in its IATI file, in two roles. */
	private static void leadNotPartner(Validation validation, String argument, String code, Long lead,
			List<Long> partners) {
		if (lead != null && partners.contains(lead)) {
			validation.problem(argument, code, "Organization " + code
					+ " would both lead the project and be one of its partners: a lead is not also a partner");
		}
	}

	private static List<Long> ids(List<ProgrammeInputs.Partner> partners, Map<String, Organization> orgs) {
		return partners.stream().map(partner -> orgs.get(partner.organization()).id()).toList();
	}

	private static void duplicatePartners(Validation validation, List<ProgrammeInputs.Partner> partners) {
		var seen = new HashSet<String>();
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
