package org.kvali.intake;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A workbook saved as Strict Open XML (one of Excel's "Save as" types) is refused with how to save one Kvali reads:
 * it was refused as "not a readable .xlsx workbook", which told nothing to do (a tester's).
 */
@IntegrationTest
class StrictWorkbookTest {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void project() {
		IntakeFixture.create(this.jdbc);
	}

	@AfterEach
	void clean() {
		IntakeFixture.remove(this.jdbc);
	}

	@Test
	void aStrictWorkbookIsRefusedSayingHowToSaveIt() throws Exception {
		var row = "TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-1,female,,,,,,";
		var written = Workbooks.written(List.of(row));
		// the same workbook loads as written
		send(written, true).andExpect(status().isOk()).andExpect(jsonPath("$.created.participations").value(1));
		// the namespaces and relations of each part as Strict Open XML names them
		var strict = written;
		for (var part : List.of("_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
				"xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/sharedStrings.xml")) {
			strict = Workbooks.rewritten(strict, part, xml -> xml
				.replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
						"http://purl.oclc.org/ooxml/spreadsheetml/main")
				.replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
						"http://purl.oclc.org/ooxml/officeDocument/relationships"));
		}
		send(strict, false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].message").value("The workbook is saved as Strict Open XML, which Kvali"
					+ " does not read: open it in a spreadsheet program and save it as an Excel workbook (.xlsx; in"
					+ " Excel, Save As, Excel Workbook)"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participant WHERE ref = 'TI-1'", Integer.class))
			.isZero();
	}

	private ResultActions send(byte[] workbook, boolean dryRun) throws Exception {
		return this.mvc.perform(post("/imports/attendance").param("dryRun", Boolean.toString(dryRun))
			.contentType(XLSX)
			.content(workbook));
	}

}
