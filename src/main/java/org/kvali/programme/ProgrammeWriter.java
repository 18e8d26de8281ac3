package org.kvali.programme;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes programmes and projects; every statement names its values as bound parameters. */
@Repository
class ProgrammeWriter {

	private final JdbcClient jdbc;

	ProgrammeWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertProgramme(String code, String name, String nameKa, String description, LocalDate start,
			LocalDate end, int yearStart, Long publisher) {
		return this.jdbc.sql("""
				INSERT INTO programme (code, name, name_ka, description, start_date, end_date, year_start, publisher_id)
				VALUES (:code, :name, :nameKa, :description, :start, :end, :yearStart, :publisher) RETURNING id""")
			.param("code", code).param("name", name).param("nameKa", nameKa).param("description", description)
			.param("start", start).param("end", end).param("yearStart", yearStart).param("publisher", publisher)
			.query(Long.class).single();
	}

	/** Sets what is given, clears the Georgian name, description and publisher when given as null ({@code nulls}). */
	void updateProgramme(long id, String name, String nameKa, String description, LocalDate start, LocalDate end,
			Integer yearStart, Long publisher, Set<String> nulls) {
		this.jdbc.sql("""
				UPDATE programme SET name = coalesce(:name, name),
				       name_ka = CASE WHEN :noNameKa THEN NULL ELSE coalesce(:nameKa, name_ka) END,
				       description = CASE WHEN :noDescription THEN NULL ELSE coalesce(:description, description) END,
				       start_date = coalesce(:start, start_date), end_date = coalesce(:end, end_date),
				       year_start = coalesce(CAST(:yearStart AS smallint), year_start),
				       publisher_id = CASE WHEN :noPublisher THEN NULL ELSE coalesce(:publisher, publisher_id) END
				WHERE id = :id""")
			.param("id", id).param("name", name).param("nameKa", nameKa).param("description", description)
			.param("start", start).param("end", end).param("yearStart", yearStart).param("publisher", publisher)
			.param("noPublisher", nulls.contains("publisher"))
			.param("noNameKa", nulls.contains("nameKa")).param("noDescription", nulls.contains("description"))
			.update();
	}

	void replaceDonors(long programmeId, Collection<Long> organizationIds) {
		this.jdbc.sql("DELETE FROM programme_donor WHERE programme_id = :id").param("id", programmeId).update();
		this.jdbc.sql("""
				INSERT INTO programme_donor (programme_id, organization_id)
				SELECT :id, unnest(CAST(:organizations AS bigint[]))""")
			.param("id", programmeId).param("organizations", organizationIds.toArray(Long[]::new))
			.update();
	}

	long insertProject(String code, long programmeId, String name, String nameKa, Long leadId, LocalDate start,
			LocalDate end) {
		return this.jdbc.sql("""
				INSERT INTO project (code, programme_id, name, name_ka, lead_organization_id, start_date, end_date)
				VALUES (:code, :programme, :name, :nameKa, :lead, :start, :end) RETURNING id""")
			.param("code", code).param("programme", programmeId).param("name", name).param("nameKa", nameKa)
			.param("lead", leadId).param("start", start).param("end", end)
			.query(Long.class).single();
	}

	/** Sets what is given, clears the Georgian name and lead when given as null ({@code nulls}). */
	void updateProject(long id, String name, String nameKa, Long leadId, LocalDate start, LocalDate end,
			Set<String> nulls) {
		this.jdbc.sql("""
				UPDATE project SET name = coalesce(:name, name),
				       name_ka = CASE WHEN :noNameKa THEN NULL ELSE coalesce(:nameKa, name_ka) END,
				       lead_organization_id = CASE WHEN :noLead THEN NULL
				                                   ELSE coalesce(:lead, lead_organization_id) END,
				       start_date = coalesce(:start, start_date), end_date = coalesce(:end, end_date)
				WHERE id = :id""")
			.param("id", id).param("name", name).param("nameKa", nameKa).param("lead", leadId)
			.param("start", start).param("end", end)
			.param("noNameKa", nulls.contains("nameKa")).param("noLead", nulls.contains("lead"))
			.update();
	}

	void replacePartners(long projectId, Collection<ProjectPartner> partners) {
		this.jdbc.sql("DELETE FROM project_partner WHERE project_id = :id").param("id", projectId).update();
		for (var partner : partners) {
			this.jdbc.sql("INSERT INTO project_partner (project_id, organization_id, role) VALUES (:project, :org, :role)")
				.param("project", projectId).param("org", partner.organizationId()).param("role", partner.role().name())
				.update();
		}
	}

}
