package org.kvali.programme;

import java.util.List;
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

/** Creates and changes programmes, checking every field before writing any. */
@Service
@Transactional
class ProgrammeEditor {

	private final ProgrammeRepository programmes;

	private final ProgrammeWriter writer;

	private final OrganizationService organizations;

	private final ProgrammeService service;

	private final List<WithinProgramme> within;

	private final JdbcClient jdbc;


	ProgrammeEditor(ProgrammeRepository programmes, ProgrammeWriter writer, OrganizationService organizations,
			ProgrammeService service, List<WithinProgramme> within, JdbcClient jdbc) {
		this.programmes = programmes;
		this.writer = writer;
		this.organizations = organizations;
		this.service = service;
		this.within = within;
		this.jdbc = jdbc;
	}

	Programme createProgramme(ProgrammeInputs.CreateProgramme input) {
		Access.require(Role.ADMIN);
		var donors = this.organizations.organizationsByCode(input.donors());
		var publisher = publisher(input.publisher());
		new Validation().code("input.code", input.code())
			.line("input.name", input.name(), true, 500)
			.line("input.nameKa", input.nameKa(), false, 500)
			.text("input.description", input.description(), false, 5000)
			.dates("input.endDate", input.startDate(), input.endDate())
			.month("input.yearStart", input.yearStart())
			.known("input.donors", "organization", input.donors(), donors.keySet(),
					this.organizations::codeInAnotherCase, this.organizations::mergeTold)
			.known("input.publisher", "organization", input.publisher() == null ? null : List.of(input.publisher()),
					publisher == null ? List.of() : List.of(input.publisher()), this.organizations::codeInAnotherCase,
					this.organizations::mergeTold)
			.check();
		// taken in any case; the error names the spelling stored
		this.programmes.programmeCodeInAnotherCase(input.code()).ifPresent(stored -> {
			throw new ConflictException("programme", "input.code", input.code(), stored);
		});
		try {
			long id = this.writer.insertProgramme(input.code(), input.name(), input.nameKa(), input.description(),
					input.startDate(), input.endDate(), input.yearStart() == null ? 1 : input.yearStart(),
					publisher == null ? null : publisher.id());
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
		// the dates checked are those stored after any move before this one, and nothing is added between the checks
		// and the update
		WritersQueue.joinIf(input.startDate() != null || input.endDate() != null || input.yearStart() != null,
				this.jdbc);
		var stored = programme(code);
		var donors = this.organizations.organizationsByCode(input.donors());
		var publisher = publisher(input.publisher());
		var validation = new Validation().lineToKeep("input.name", input.name(), 500)
			.line("input.nameKa", input.nameKa(), false, 500)
			.text("input.description", input.description(), false, 5000)
			.changedDates(input.startDate(), input.endDate(), stored.startDate(), stored.endDate())
			.month("input.yearStart", input.yearStart())
			.known("input.donors", "organization", input.donors(), donors.keySet(),
					this.organizations::codeInAnotherCase, this.organizations::mergeTold)
			.known("input.publisher", "organization", input.publisher() == null ? null : List.of(input.publisher()),
					publisher == null ? List.of() : List.of(input.publisher()), this.organizations::codeInAnotherCase,
					this.organizations::mergeTold);
		ExplicitNulls.refuse(nulls, validation, "name", "startDate", "endDate", "yearStart");
		if (input.startDate() != null || input.endDate() != null) {
			this.within.forEach(check -> check.checkMove(stored.id(), input.startDate(), input.endDate(), validation));
		}
		int yearStart = input.yearStart() == null ? stored.yearStart() : input.yearStart();
		if (yearStart != stored.yearStart() && yearStart >= 1 && yearStart <= 12) {
			this.within.forEach(check -> check.checkYearStart(stored.id(), yearStart, validation));
		}
		validation.check();
		this.writer.updateProgramme(stored.id(), input.name(), input.nameKa(), input.description(), input.startDate(),
				input.endDate(), input.yearStart(), publisher == null ? null : publisher.id(), nulls);
		if (input.donors() != null || nulls.contains("donors")) {
			this.writer.replaceDonors(stored.id(), donors.values().stream().map(Organization::id).toList());
		}
		return programme(code);
	}

	private Programme programme(String code) {
		return this.service.programme("code", code);
	}

	private Organization publisher(String code) {
		return code == null ? null : this.organizations.organizationsByCode(List.of(code)).get(code);
	}


}
