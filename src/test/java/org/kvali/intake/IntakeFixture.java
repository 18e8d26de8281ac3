package org.kvali.intake;

import java.nio.charset.StandardCharsets;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A project of its own for the import tests, and the removal of everything loaded under it, so the demo data the
 * other tests count is the same before and after.
 */
final class IntakeFixture {

	static final String PROJECT = "TEST-INTAKE";

	private IntakeFixture() {
	}

	/** The project, of a programme of its own without dates, which holds activities of any year. */
	static void create(JdbcTemplate jdbc) {
		jdbc.update("INSERT INTO programme (code, name) VALUES (?, 'Programme for import tests')", PROJECT);
		jdbc.update("""
				INSERT INTO project (code, programme_id, name)
				SELECT ?, id, 'Project for import tests' FROM programme WHERE code = ?""", PROJECT, PROJECT);
	}

	static void remove(JdbcTemplate jdbc) {
		jdbc.update("""
				DELETE FROM participation WHERE activity_id IN
				  (SELECT a.id FROM activity a JOIN project p ON p.id = a.project_id WHERE p.code = ?)""", PROJECT);
		jdbc.update("DELETE FROM activity WHERE project_id IN (SELECT id FROM project WHERE code = ?)", PROJECT);
		jdbc.update("DELETE FROM participant WHERE ref LIKE 'TI-%'");
		jdbc.update("DELETE FROM organization WHERE code LIKE 'TI-%'");
		jdbc.update("DELETE FROM project WHERE code = ?", PROJECT);
		jdbc.update("DELETE FROM programme WHERE code = ?", PROJECT);
		jdbc.update("DELETE FROM attendance_import");
	}

	/** Sends a CSV sheet as the tests' default caller (an admin), as a dry run or a load. */
	static ResultActions load(MockMvc mvc, String sheet, boolean dryRun) throws Exception {
		return mvc.perform(post("/imports/attendance").param("dryRun", Boolean.toString(dryRun))
			.contentType("text/csv")
			.content(sheet.getBytes(StandardCharsets.UTF_8)));
	}

}
