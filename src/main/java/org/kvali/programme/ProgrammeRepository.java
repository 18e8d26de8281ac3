package org.kvali.programme;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.kvali.graphql.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProgrammeRepository {

	private static final String PROGRAMME = """
			SELECT id, code, name, name_ka, description, start_date, end_date, year_start, publisher_id FROM programme
			""";

	private static final String PROJECT = """
			SELECT id, code, programme_id, name, name_ka, lead_organization_id, start_date, end_date FROM project
			""";

	private final JdbcClient jdbc;

	ProgrammeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Programme> programmes() {
		return this.jdbc.sql(PROGRAMME + "ORDER BY code").query(Programme.class).list();
	}

	List<Programme> programmesByCodes(Collection<String> codes) {
		return this.jdbc.sql(PROGRAMME + "WHERE code = ANY(:codes) ORDER BY code")
			.param("codes", codes.toArray(String[]::new))
			.query(Programme.class)
			.list();
	}

	List<Programme> programmesByIds(Collection<Long> ids) {
		return this.jdbc.sql(PROGRAMME + "WHERE id = ANY(:ids)")
			.param("ids", ids.toArray(Long[]::new))
			.query(Programme.class)
			.list();
	}

	List<Project> projects() {
		return this.jdbc.sql(PROJECT + "ORDER BY code").query(Project.class).list();
	}

	List<Project> projectsOfProgrammes(Collection<Long> programmeIds) {
		return this.jdbc.sql(PROJECT + "WHERE programme_id = ANY(:ids) ORDER BY code")
			.param("ids", programmeIds.toArray(Long[]::new))
			.query(Project.class)
			.list();
	}

	/** The stored spelling of a programme's code written in another case. */
	Optional<String> programmeCodeInAnotherCase(String code) {
		return this.jdbc.sql("SELECT code FROM programme WHERE lower(code) = lower(:code) LIMIT 1")
			.param("code", Text.trim(code))
			.query(String.class)
			.optional();
	}

	/** The stored spelling of a project's code written in another case. */
	Optional<String> projectCodeInAnotherCase(String code) {
		return this.jdbc.sql("SELECT code FROM project WHERE lower(code) = lower(:code) LIMIT 1")
			.param("code", Text.trim(code))
			.query(String.class)
			.optional();
	}

	List<Project> projectsByCodes(Collection<String> codes) {
		return this.jdbc.sql(PROJECT + "WHERE code = ANY(:codes) ORDER BY code")
			.param("codes", codes.toArray(String[]::new))
			.query(Project.class)
			.list();
	}

	List<Project> projectsByIds(Collection<Long> ids) {
		return this.jdbc.sql(PROJECT + "WHERE id = ANY(:ids)")
			.param("ids", ids.toArray(Long[]::new))
			.query(Project.class)
			.list();
	}

	List<ProjectPartner> partnersOfProjects(Collection<Long> projectIds) {
		return this.jdbc.sql("""
				SELECT pp.project_id, pp.organization_id, pp.role
				FROM project_partner pp JOIN organization o ON o.id = pp.organization_id
				WHERE pp.project_id = ANY(:ids) ORDER BY o.code
				""").param("ids", projectIds.toArray(Long[]::new)).query(ProjectPartner.class).list();
	}

	/** Donor organization ids of each programme, as (programme id, organization id) pairs. */
	List<long[]> donorsOfProgrammes(Collection<Long> programmeIds) {
		return this.jdbc.sql("""
				SELECT d.programme_id, d.organization_id
				FROM programme_donor d JOIN organization o ON o.id = d.organization_id
				WHERE d.programme_id = ANY(:ids) ORDER BY o.code
				""")
			.param("ids", programmeIds.toArray(Long[]::new))
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
	}

}
