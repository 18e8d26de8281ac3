package org.kvali.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.Scanner;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.dhatim.fastexcel.Workbook;
import org.postgresql.PGConnection;

import org.kvali.KvaliApplication;
import org.kvali.bench.BenchmarkDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * {@code ./mvnw -q test-compile exec:java@import-benchmark}: loads sheets of 10,000 rows (five times) and 200,000 rows
 * (three times) over HTTP and prints rows per second beside a plain COPY of the same rows into the same tables (rolled
 * back), each run and the medians, on a fresh database with the demo data, then 200,000 rows as a workbook (.xlsx)
 * beside the same rows as CSV, three dry runs each. {@link #atScale} does the same in a
 * benchmark database of millions of participations, with dry runs so that it stays as generated. Sheets and COPY
 * data are written to temporary files before each is timed and sent from them, so the benchmark runs in a heap much
 * smaller than its sheets ({@code MAVEN_OPTS=-Xmx128m}), which shows that the service streams them too.
 */
public final class ImportBenchmark {

	private static final String[] MUNICIPALITIES = { "GE-KK-MARNEULI", "GE-KK-RUSTAVI", "GE-KK-BOLNISI",
			"GE-SJ-AKHALTSIKHE", "GE-SJ-AKHALKALAKI", "GE-SJ-BORJOMI" };

	private static final int PER_ACTIVITY = 30;

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** Where the sheets go: a project and an organization that exist, and whether each load is a dry run. */
	private record Target(int port, DataSource owner, String project, String organization, boolean dryRun) {
	}

	private ImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (var context = new SpringApplicationBuilder(KvaliApplication.class)
			.properties("kvali.embedded.data-dir=.kvali/bench-import", "kvali.embedded.clean=true",
					"kvali.demo.enabled=true", "server.port=0", "kvali.import.max-rows=250000",
					"kvali.import.max-bytes=104857600", "kvali.report.index=off", "logging.level.org.kvali=warn",
					"kvali.bootstrap-admin-key=" + BenchmarkDatabase.ADMIN_KEY)
			.run()) {
			System.out.printf("%nImports into a fresh database with the demo data, each load committed%n");
			measure(target(context, "CSO-CAPACITY", "CSO-MARNEULI-1", false));
		}
	}

	/**
	 * The same loads into a benchmark database ({@link BenchmarkDatabase}) that {@code context} serves, as dry runs: a
	 * dry run checks and writes the sheet exactly as a load does and then rolls back instead of committing.
	 */
	public static void atScale(ConfigurableApplicationContext context) throws Exception {
		System.out.printf("%nImports into this database, each load a dry run (written, then rolled back)%n");
		measure(target(context, "SYN-PRJ-1", "ORG-1", true));
	}

	private static Target target(ConfigurableApplicationContext context, String project, String organization,
			boolean dryRun) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		// the plain COPY runs as the owner, as a bulk load by a database administrator would
		return new Target(port, context.getBean("liquibaseDataSource", DataSource.class), project, organization,
				dryRun);
	}

	private static void measure(Target target) throws Exception {
		var http = HttpClient.newHttpClient();
		// A server that has run a while: dry runs of 30,000 rows first, as the just-in-time compiler goes on
		// compiling through the first loads after start (they took up to half as long again).
		for (int i = 0; i < 3; i++) {
			send(http, target, "W", 10_000, true);
		}
		// This machine's timings vary by a third from run to run, so each size is loaded several times (new
		// people each time) and the medians are compared.
		System.out.printf("%-15s %7s %14s %12s %14s %8s %10s%n", "rows", "import s", "import rows/s", "COPY s",
				"COPY rows/s", "ratio", "max heap");
		for (int rows : new int[] { 10_000, 200_000 }) {
			int runs = rows > 100_000 ? 3 : 5;
			var imports = new double[runs];
			var copies = new double[runs];
			for (int run = 0; run < runs; run++) {
				imports[run] = send(http, target, "B" + run, rows, target.dryRun());
				copies[run] = plainCopy(target, "C" + run + "-" + rows, rows);
				print(Integer.toString(rows), rows, imports[run], copies[run]);
			}
			print(rows + " median", rows, median(imports), median(copies));
		}
		if (!target.dryRun()) {
			// the last sheet of 200,000 rows sent again, as a dry run: every row a stored participation, compared
			// with what is stored (one check asked of each activity by a scan of the sheet took 95 s at 10 million)
			var again = new double[3];
			for (int run = 0; run < again.length; run++) {
				again[run] = send(http, target, "B2", 200_000, true);
			}
			Arrays.sort(again);
			System.out.printf("200,000 rows sent again (dry runs): %.2f, %.2f, %.2f s, median %.2f s%n", again[0],
					again[1], again[2], again[1]);
		}
		workbook(http, target);
	}

	/**
	 * New rows sent as a workbook (.xlsx) and as CSV, three times each as dry runs, one after the other: what reading a
	 * workbook adds. Its dates are date cells and its birth years numbers, as a spreadsheet keeps them typed in.
	 */
	private static void workbook(HttpClient http, Target target) throws Exception {
		int rows = 200_000;
		var csv = written(lines(rows, i -> sheetRow(target, "X" + rows, i), AttendanceImportTest.HEADER));
		var xlsx = Files.createTempFile("kvali-benchmark", ".xlsx");
		var dated = Files.createTempFile("kvali-benchmark-dated", ".xlsx");
		try {
			workbook(csv, xlsx);
			isoDates(xlsx, dated);
			var workbooks = new double[3];
			var sheets = new double[3];
			var datedWorkbooks = new double[3];
			for (int run = 0; run < 3; run++) {
				workbooks[run] = post(http, target, xlsx, XLSX, true);
				sheets[run] = post(http, target, csv, "text/csv", true);
				datedWorkbooks[run] = post(http, target, dated, XLSX, true);
			}
			System.out.printf("200,000 rows as .xlsx (%.1f MB, dry runs): %.2f, %.2f, %.2f s, median %.2f s; as CSV"
					+ " (%.1f MB): %.2f, %.2f, %.2f s, median %.2f s%n", Files.size(xlsx) / 1e6, workbooks[0],
					workbooks[1], workbooks[2], median(workbooks), Files.size(csv) / 1e6, sheets[0], sheets[1],
					sheets[2], median(sheets));
			System.out.printf("the .xlsx with its dates as ISO text, cells of type d (%.1f MB): %.2f, %.2f, %.2f s,"
					+ " median %.2f s%n", Files.size(dated) / 1e6, datedWorkbooks[0], datedWorkbooks[1],
					datedWorkbooks[2], median(datedWorkbooks));
		}
		finally {
			Files.delete(csv);
			Files.delete(xlsx);
			Files.delete(dated);
		}
	}

	/** The sheet of the CSV file written as a workbook: dates as date cells, birth years as numbers, the rest text. */
	private static void workbook(Path csv, Path xlsx) throws IOException {
		try (var out = Files.newOutputStream(xlsx); var lines = Files.newBufferedReader(csv)) {
			var workbook = new Workbook(out, "Kvali benchmark", "1.0");
			var sheet = workbook.newWorksheet("Attendance");
			int row = 0;
			for (var line = lines.readLine(); line != null; line = lines.readLine(), row++) {
				var cells = line.split(",", -1);
				for (int column = 0; column < cells.length; column++) {
					var cell = cells[column];
					if (cell.isEmpty()) {
						continue;
					}
					if (row > 0 && (column == 4 || column == 5)) {
						sheet.value(row, column, LocalDate.parse(cell));
						sheet.style(row, column).format("yyyy-mm-dd").set();
					}
					else if (row > 0 && column == 9) {
						sheet.value(row, column, Integer.parseInt(cell));
					}
					else {
						sheet.value(row, column, cell);
					}
				}
				if (row % 1000 == 999) {
					sheet.flush();
				}
			}
			workbook.finish();
		}
	}

	/**
	 * The workbook with its date cells written as cells of type d, ISO text, as programs writing workbooks may save
	 * them; streamed a cell at a time, as the benchmark's heap is smaller than the sheet's XML.
	 */
	private static void isoDates(Path xlsx, Path dated) throws IOException {
		var date = Pattern.compile("(<c r=\"[EF]\\d+\"[^>]*) t=\"n\"><v>(\\d+)(?:\\.0)?</v>$");
		try (var in = new ZipFile(xlsx.toFile()); var out = new ZipOutputStream(Files.newOutputStream(dated))) {
			for (var entry : Collections.list(in.entries())) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				var part = in.getInputStream(entry);
				if (!entry.getName().startsWith("xl/worksheets/")) {
					part.transferTo(out);
					continue;
				}
				var text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				var cells = new Scanner(part, StandardCharsets.UTF_8).useDelimiter("</c>");
				for (boolean first = true; cells.hasNext(); first = false) {
					var written = cells.next();
					var cell = date.matcher(written);
					text.write((first ? "" : "</c>") + (cell.find() ? cell.group(1) + " t=\"d\"><v>"
							+ ExcelDays.spreadsheetDay(Long.parseLong(cell.group(2))) + "T00:00:00</v>"
							: written));
				}
				text.flush();
			}
		}
	}

	private static void print(String label, int rows, double importSeconds, double copySeconds) {
		System.out.printf("%-15s %7.2f %14.0f %12.2f %14.0f %7.2fx %7d MB%n", label, importSeconds, rows / importSeconds,
				copySeconds, rows / copySeconds, importSeconds / copySeconds, Runtime.getRuntime().maxMemory() >> 20);
	}

	private static double median(double[] values) {
		var sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	/**
	 * Sends a sheet of {@code rows} rows and returns the seconds until the answer. The sheet is written to a file first
	 * and sent from it, as a client sends one: made as it was sent, its making shared the machine's cores with the
	 * service reading it, and was timed with it.
	 */
	private static double send(HttpClient http, Target target, String prefix, int rows, boolean dryRun)
			throws Exception {
		var sheet = written(lines(rows, i -> sheetRow(target, prefix + rows, i), AttendanceImportTest.HEADER));
		try {
			return post(http, target, sheet, "text/csv", dryRun);
		}
		finally {
			Files.delete(sheet);
		}
	}

	/** Sends the file as a sheet of the content type and returns the seconds until the answer. */
	private static double post(HttpClient http, Target target, Path sheet, String type, boolean dryRun)
			throws Exception {
		var request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + target.port() + "/imports/attendance?dryRun=" + dryRun))
			.header("Content-Type", type)
			.header("Authorization", "Bearer " + BenchmarkDatabase.ADMIN_KEY)
			.POST(HttpRequest.BodyPublishers.ofFile(sheet))
			.build();
		long started = System.nanoTime();
		var response = http.send(request, HttpResponse.BodyHandlers.ofString());
		double seconds = (System.nanoTime() - started) / 1e9;
		if (response.statusCode() != 200) {
			throw new IllegalStateException(response.body());
		}
		return seconds;
	}

	/** The stream written to a new temporary file (deleted by the caller). */
	private static Path written(InputStream in) throws IOException {
		var file = Files.createTempFile("kvali-benchmark", ".txt");
		try (in; var out = Files.newOutputStream(file)) {
			in.transferTo(out);
		}
		return file;
	}

	/** Row i of the sheet: activities of 30 rows, each row a new person. */
	private static String sheetRow(Target target, String prefix, int i) {
		int activity = i / PER_ACTIVITY;
		return prefix + "-A" + activity + ",Benchmark workshop " + activity + ",workshop," + target.project() + ",2025-0"
				+ (1 + activity % 9) + "-15,2025-0" + (1 + activity % 9) + "-15,"
				+ MUNICIPALITIES[activity % MUNICIPALITIES.length] + ',' + prefix + "-P" + i + ','
				+ (i % 3 == 0 ? "male" : "female") + ',' + (1950 + i % 55) + ",no,"
				+ MUNICIPALITIES[i % MUNICIPALITIES.length] + ',' + target.organization() + ",,participant\n";
	}

	/** The lines {@code line(0)} to {@code line(count - 1)} after a first line, made 1,000 at a time as read. */
	private static InputStream lines(int count, IntFunction<String> line, String first) {
		var chunks = new Iterator<InputStream>() {

			int next = -1;

			@Override
			public boolean hasNext() {
				return this.next < count;
			}

			@Override
			public InputStream next() {
				var text = new StringBuilder();
				if (this.next < 0) {
					text.append(first);
					this.next = 0;
				}
				for (int end = Math.min(count, this.next + 1000); this.next < end; this.next++) {
					text.append(line.apply(this.next));
				}
				return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
			}

		};
		return new SequenceInputStream(new java.util.Enumeration<>() {
			@Override
			public boolean hasMoreElements() {
				return chunks.hasNext();
			}

			@Override
			public InputStream nextElement() {
				return chunks.next();
			}
		});
	}

	/**
	 * The same rows by COPY straight into activity, participant and participation, in a transaction rolled back: their
	 * ids drawn first from the tables' sequences (nothing else writes), the three COPYs' data written to files, and
	 * only the COPYs from those files timed, as the sheets are.
	 */
	private static double plainCopy(Target target, String prefix, int rows) throws Exception {
		try (var connection = target.owner().getConnection()) {
			long project = id(connection, "SELECT id FROM project WHERE code = '" + target.project() + "'");
			long organization = id(connection, "SELECT id FROM organization WHERE code = '" + target.organization() + "'");
			int activities = (rows - 1) / PER_ACTIVITY + 1;
			long firstActivity = drawn(connection, "activity", activities);
			long firstPerson = drawn(connection, "participant", rows);
			var files = new Path[] {
					written(lines(activities, a -> (firstActivity + a) + "\t" + prefix + "-A" + a + '\t' + project
							+ "\tWORKSHOP\tBenchmark workshop " + a + "\t2025-0" + (1 + a % 9) + "-15\t2025-0"
							+ (1 + a % 9) + "-15\t" + MUNICIPALITIES[a % MUNICIPALITIES.length] + '\n', "")),
					written(lines(rows, i -> (firstPerson + i) + "\t" + prefix + "-P" + i + '\t'
							+ (i % 3 == 0 ? "MALE" : "FEMALE") + '\t' + (1950 + i % 55) + "\tf\t"
							+ MUNICIPALITIES[i % MUNICIPALITIES.length] + '\t' + organization + '\n', "")),
					written(lines(rows, i -> (firstActivity + i / PER_ACTIVITY) + "\t" + (firstPerson + i) + '\t'
							+ organization + "\tPARTICIPANT\n", "")) };
			var statements = new String[] {
					"COPY activity (id, code, project_id, kind, title, start_date, end_date, venue_municipality_code)",
					"COPY participant (id, ref, gender, birth_year, disability, home_municipality_code, organization_id)",
					"COPY participation (activity_id, participant_id, organization_id, role)" };
			try {
				connection.setAutoCommit(false);
				var copy = connection.unwrap(PGConnection.class).getCopyAPI();
				long started = System.nanoTime();
				for (int i = 0; i < files.length; i++) {
					try (var in = Files.newInputStream(files[i])) {
						copy.copyIn(statements[i] + " FROM STDIN", in);
					}
				}
				double seconds = (System.nanoTime() - started) / 1e9;
				connection.rollback();
				return seconds;
			}
			finally {
				for (var file : files) {
					Files.delete(file);
				}
			}
		}
	}

	/** The first of {@code count} ids drawn from the table's sequence, for rows that give their ids. */
	private static long drawn(Connection connection, String table, int count) throws Exception {
		return id(connection, "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), nextval(pg_get_serial_sequence('"
				+ table + "', 'id')) + " + (count - 1) + ") - " + (count - 1));
	}

	private static long id(Connection connection, String sql) throws Exception {
		try (var statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
