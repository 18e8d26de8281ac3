package org.kvali.intake;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.kvali.KvaliApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * {@code ./mvnw -q test-compile exec:java@import-benchmark}: loads sheets of 10,000 and 200,000 rows over HTTP and
 * prints rows per second beside a plain COPY of the same rows into the same tables (rolled back).
 */
public final class ImportBenchmark {

	private static final String[] MUNICIPALITIES = { "GE-KK-MARNEULI", "GE-KK-RUSTAVI", "GE-KK-BOLNISI",
			"GE-SJ-AKHALTSIKHE", "GE-SJ-AKHALKALAKI", "GE-SJ-BORJOMI" };

	private ImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (var context = new SpringApplicationBuilder(KvaliApplication.class)
			.properties("kvali.embedded.data-dir=.kvali/bench-import", "kvali.embedded.clean=true",
					"kvali.demo.enabled=true", "server.port=0", "kvali.import.max-rows=250000",
					"kvali.import.max-bytes=104857600", "kvali.report.index=off", "logging.level.org.kvali=warn")
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			var dataSource = context.getBean(DataSource.class);
			var http = HttpClient.newHttpClient();
			System.out.printf("%n%-10s %12s %14s %12s %14s %8s%n", "rows", "import s", "import rows/s", "COPY s",
					"COPY rows/s", "ratio");
			for (int rows : new int[] { 10_000, 200_000 }) {
				var prefix = "B" + rows;
				var sheet = sheet(prefix, rows);
				var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/imports/attendance"))
					.header("Content-Type", "text/csv")
					.POST(HttpRequest.BodyPublishers.ofString(sheet, StandardCharsets.UTF_8))
					.build();
				long started = System.nanoTime();
				var response = http.send(request, HttpResponse.BodyHandlers.ofString());
				double importSeconds = (System.nanoTime() - started) / 1e9;
				if (response.statusCode() != 200) {
					throw new IllegalStateException(response.body());
				}
				double copySeconds = plainCopy(dataSource, "C" + rows, rows);
				System.out.printf("%-10d %12.2f %14.0f %12.2f %14.0f %7.2fx%n", rows, importSeconds,
						rows / importSeconds, copySeconds, rows / copySeconds, importSeconds / copySeconds);
			}
		}
	}

	/** Rows in activities of 30, each row a new person. */
	private static String sheet(String prefix, int rows) {
		var sheet = new StringBuilder(AttendanceImportTest.HEADER);
		for (int i = 0; i < rows; i++) {
			int activity = i / 30;
			sheet.append(prefix).append("-A").append(activity).append(",Benchmark workshop ").append(activity)
				.append(",workshop,CSO-CAPACITY,2025-0").append(1 + activity % 9).append("-15,2025-0")
				.append(1 + activity % 9).append("-15,").append(MUNICIPALITIES[activity % MUNICIPALITIES.length])
				.append(',').append(prefix).append("-P").append(i).append(',').append(i % 3 == 0 ? "male" : "female")
				.append(',').append(1950 + i % 55).append(",no,").append(MUNICIPALITIES[i % MUNICIPALITIES.length])
				.append(",CSO-MARNEULI-1,,participant\n");
		}
		return sheet.toString();
	}

	/** The same rows by COPY straight into activity, participant and participation, in a transaction rolled back. */
	private static double plainCopy(DataSource dataSource, String prefix, int rows) throws Exception {
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			long project;
			long organization;
			try (var statement = connection.createStatement()) {
				var rs = statement.executeQuery("SELECT (SELECT id FROM project WHERE code = 'CSO-CAPACITY'),"
						+ " (SELECT id FROM organization WHERE code = 'CSO-MARNEULI-1')");
				rs.next();
				project = rs.getLong(1);
				organization = rs.getLong(2);
			}
			long started = System.nanoTime();
			var activities = new StringBuilder();
			for (int a = 0; a <= (rows - 1) / 30; a++) {
				activities.append(prefix).append("-A").append(a).append('\t').append(project)
					.append("\tWORKSHOP\tBenchmark workshop ").append(a).append("\t2025-0").append(1 + a % 9)
					.append("-15\t2025-0").append(1 + a % 9).append("-15\t")
					.append(MUNICIPALITIES[a % MUNICIPALITIES.length]).append('\n');
			}
			copy.copyIn("COPY activity (code, project_id, kind, title, start_date, end_date, venue_municipality_code)"
					+ " FROM STDIN", new StringReader(activities.toString()));
			var people = new StringBuilder();
			for (int i = 0; i < rows; i++) {
				people.append(prefix).append("-P").append(i).append('\t').append(i % 3 == 0 ? "MALE" : "FEMALE")
					.append('\t').append(1950 + i % 55).append("\tf\t").append(MUNICIPALITIES[i % MUNICIPALITIES.length])
					.append('\t').append(organization).append('\n');
			}
			copy.copyIn("COPY participant (ref, gender, birth_year, disability, home_municipality_code, organization_id)"
					+ " FROM STDIN", new StringReader(people.toString()));
			Map<String, Long> ids = new HashMap<>();
			try (var statement = connection.createStatement()) {
				var rs = statement.executeQuery("SELECT code, id FROM activity WHERE code LIKE '" + prefix
						+ "-A%' UNION ALL SELECT ref, id FROM participant WHERE ref LIKE '" + prefix + "-P%'");
				while (rs.next()) {
					ids.put(rs.getString(1), rs.getLong(2));
				}
			}
			var participations = new StringBuilder();
			for (int i = 0; i < rows; i++) {
				participations.append(ids.get(prefix + "-A" + i / 30)).append('\t').append(ids.get(prefix + "-P" + i))
					.append('\t').append(organization).append("\tPARTICIPANT\n");
			}
			copy.copyIn("COPY participation (activity_id, participant_id, organization_id, role) FROM STDIN",
					new StringReader(participations.toString()));
			double seconds = (System.nanoTime() - started) / 1e9;
			connection.rollback();
			return seconds;
		}
	}

}
