package org.kvali.programme;

import java.time.LocalDate;
import java.util.List;

/** The inputs of the programme and project mutations, as the schema defines them. */
final class ProgrammeInputs {

	private ProgrammeInputs() {
	}

	record CreateProgramme(String code, String name, String nameKa, String description, List<String> donors,
			LocalDate startDate, LocalDate endDate, Integer yearStart, String publisher) {
	}

	record UpdateProgramme(String name, String nameKa, String description, List<String> donors, LocalDate startDate,
			LocalDate endDate, Integer yearStart, String publisher) {
	}

	record CreateProject(String code, String programme, String name, String nameKa, String lead,
			List<Partner> partners, LocalDate startDate, LocalDate endDate) {
	}

	record UpdateProject(String name, String nameKa, String lead, List<Partner> partners, LocalDate startDate,
			LocalDate endDate) {
	}

	record Partner(String organization, PartnerRole role) {
	}

}
