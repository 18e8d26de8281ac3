package org.kvali.programme;

import java.util.Locale;

import org.kvali.access.Access;
import org.kvali.access.Role;
import org.kvali.graphql.Validation;
import org.kvali.sql.Holders;
import org.kvali.sql.WritersQueue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes programmes and projects set up by mistake, once nothing names them: their donors and partners go with them,
 * their activities and indicators must go first.
 */
@Service
@Transactional
class ProgrammeDeletions {

	/** What names a programme ({@link Holders}). */
	private static final String PROGRAMME_HOLDERS = """
			SELECT 1, 'project', 'projects', code FROM project WHERE programme_id = :id
			UNION ALL SELECT 2, 'indicator', 'indicators', code FROM indicator WHERE programme_id = :id
			UNION ALL
			""" + Holders.namingFilters(3, "programmes");

	/** What names a project ({@link Holders}). */
	private static final String PROJECT_HOLDERS = """
			SELECT 1, 'activity', 'activities', code FROM activity WHERE project_id = :id
			UNION ALL SELECT 2, 'indicator', 'indicators', code FROM indicator WHERE project_id = :id
			UNION ALL
			""" + Holders.namingFilters(3, "projects");

	private final ProgrammeService service;

	private final JdbcClient jdbc;

	ProgrammeDeletions(ProgrammeService service, JdbcClient jdbc) {
		this.service = service;
		this.jdbc = jdbc;
	}

	/** Deletes a programme without projects or indicators, with its donors, answering its code. */
	String deleteProgramme(String code) {
		Access.require(Role.ADMIN);
		// no project or activity is added to it between the check and the deletion
		WritersQueue.join(this.jdbc);
		var stored = this.service.programme("code", code);
		refuseHeld("Programme", stored.code(), PROGRAMME_HOLDERS, stored.id(), "delete them (deleteProject)",
				"delete those indicators (deleteIndicator)", Holders.INDICATORS);
		this.jdbc.sql("DELETE FROM programme WHERE id = :id").param("id", stored.id()).update();
		return stored.code();
	}

	/** Deletes a project without activities or indicators, with its partners, answering its code. */
	String deleteProject(String code) {
		Access.require(Role.ADMIN);
		WritersQueue.join(this.jdbc);
		var stored = this.service.project("code", code);
		refuseHeld("Project", stored.code(), PROJECT_HOLDERS, stored.id(), "delete them (deleteActivity, with"
				+ " withParticipations: true for those people took part in)", "make those indicators the programme's or"
				+ " another project's (updateIndicator with project) or delete them (deleteIndicator)",
				Holders.INDICATORS);
		// an erasure remembers the projects of the person's activities, to tell their partners alone, and so does the
		// digest of someone deleted with an activity, which their erasure keeps: not one gone
		this.jdbc.sql("""
				UPDATE erased_reference SET projects = array_remove(projects, :id) WHERE :id = ANY(projects);
				UPDATE deleted_person SET projects = array_remove(projects, :id) WHERE :id = ANY(projects)""")
			.param("id", stored.id())
			.update();
		this.jdbc.sql("DELETE FROM project WHERE id = :id").param("id", stored.id()).update();
		return stored.code();
	}

	/** Refuses the deletion while anything holds the row, telling what and what to do ({@code remedies} by place). */
	private void refuseHeld(String what, String code, String holders, long id, String... remedies) {
		var held = Holders.of(this.jdbc, holders, id, code);
		if (!held.isEmpty()) {
			new Validation().problem("code", code, Holders.refusal(what + " " + code, held,
					Holders.remedies(held, remedies) + " first, then the " + what.toLowerCase(Locale.ROOT)))
				.check();
		}
	}

}
