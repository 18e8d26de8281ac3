package org.kvali.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * Fills an empty Kvali database with synthetic participation: about 5 participations per participant and 30 per
 * activity (10 to 50), organizations of very unequal size, every municipality of Georgia, activities over 2021 to 2025. Rows go
 * in by COPY, in chunks, all from a fixed seed.
 */
final class SyntheticData {

	private static final String[] KINDS = { "TRAINING", "WORKSHOP", "MEETING", "CONFERENCE", "CAMPAIGN", "OTHER" };

	private static final String[] GENDERS = { "FEMALE", "MALE", "OTHER", "UNDISCLOSED" };

	private static final int CHUNK = 200_000;

	private final Random random = new Random(7);

	private final int participations;

	SyntheticData(int participations) {
		this.participations = participations;
	}

	void load(DataSource dataSource) throws SQLException, IOException {
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			List<String> municipalities = new ArrayList<>();
			try (var rs = connection.createStatement()
				.executeQuery("SELECT code FROM geo_unit WHERE level = 'MUNICIPALITY' ORDER BY code")) {
				while (rs.next()) {
					municipalities.add(rs.getString(1));
				}
			}
			int people = Math.max(1, this.participations / 5);
			int organizations = Math.max(10, this.participations / 200);
			int programmes = 4;
			int projects = 20;

			var rows = new StringBuilder();
			for (int o = 1; o <= organizations; o++) {
				rows.append(o).append("\tORG-").append(o).append("\tOrganization ").append(o).append('\t')
					.append(o <= 4 ? "DONOR" : o <= 20 ? "PARTNER" : this.random.nextInt(5) == 0 ? "ACTIVIST_GROUP" : "CSO")
					.append('\t').append(municipalities.get(o % municipalities.size())).append('\n');
			}
			copy.copyIn("COPY organization (id, code, name, kind, municipality_code) FROM STDIN", new StringReader(rows.toString()));
			rows.setLength(0);
			for (int p = 1; p <= programmes; p++) {
				rows.append(p).append("\tSYN-PRG-").append(p).append("\tSynthetic programme ").append(p).append('\n');
			}
			copy.copyIn("COPY programme (id, code, name) FROM STDIN", new StringReader(rows.toString()));
			rows.setLength(0);
			for (int p = 1; p <= projects; p++) {
				rows.append(p).append("\tSYN-PRJ-").append(p).append('\t').append(1 + p % programmes)
					.append("\tSynthetic project ").append(p).append('\t').append(lead(p)).append('\n');
			}
			copy.copyIn("COPY project (id, code, programme_id, name, lead_organization_id) FROM STDIN",
					new StringReader(rows.toString()));

			// participants, grouped by home municipality so that activities draw mostly local people
			List<List<Integer>> byMunicipality = new ArrayList<>();
			municipalities.forEach(m -> byMunicipality.add(new ArrayList<>()));
			rows.setLength(0);
			for (int id = 1; id <= people; id++) {
				int home = skewed(municipalities.size(), 1.1);
				byMunicipality.get(home).add(id);
				var birth = this.random.nextInt(20) == 0 ? "\\N" : Integer.toString(1950 + this.random.nextInt(60));
				var disability = switch (this.random.nextInt(20)) {
					case 0 -> "t";
					case 1, 2 -> "\\N";
					default -> "f";
				};
				double g = this.random.nextDouble();
				var gender = GENDERS[g < 0.55 ? 0 : g < 0.93 ? 1 : g < 0.96 ? 2 : 3];
				rows.append(id).append("\tS").append(id).append('\t').append(gender).append('\t').append(birth)
					.append('\t').append(disability).append('\t')
					.append(this.random.nextInt(25) == 0 ? "\\N" : municipalities.get(home)).append('\t')
					.append(21 + skewed(organizations - 20, 1.05)).append('\n');
				if (rows.length() > CHUNK * 40) {
					copyParticipants(copy, rows);
				}
			}
			copyParticipants(copy, rows);

			var start = LocalDate.of(2021, 1, 1);
			var activityRows = new StringBuilder();
			int written = 0;
			for (int a = 1; written < this.participations; a++) {
				int venue = skewed(municipalities.size(), 1.1);
				var date = start.plusDays(this.random.nextInt(5 * 365));
				int project = 1 + this.random.nextInt(projects);
				// run by its project's lead, a partner, as an implementing partner runs its own project's activities
				activityRows.append(a).append("\tSYN-ACT-").append(a).append('\t').append(project)
					.append('\t').append(KINDS[skewed(KINDS.length, 1.0)]).append("\tSynthetic activity ").append(a)
					.append('\t').append(date).append('\t').append(date.plusDays(this.random.nextInt(3))).append('\t')
					.append(municipalities.get(venue)).append('\t').append(lead(project)).append('\n');
				int size = Math.min(this.participations - written, 10 + this.random.nextInt(41));
				var local = byMunicipality.get(venue);
				var seen = new HashSet<Integer>();
				while (seen.size() < Math.min(size, people)) {
					int person = !local.isEmpty() && this.random.nextInt(10) < 8 ? local.get(this.random.nextInt(local.size()))
							: 1 + this.random.nextInt(people);
					if (seen.add(person)) {
						rows.append(a).append('\t').append(person).append('\t').append(21 + skewed(organizations - 20, 1.05))
							.append('\t').append(this.random.nextInt(30) == 0 ? "TRAINER" : "PARTICIPANT").append('\n');
					}
				}
				written += seen.size();
				if (rows.length() > CHUNK * 30) {
					flush(copy, activityRows, rows);
				}
			}
			flush(copy, activityRows, rows);
			for (var table : List.of("organization", "programme", "project", "activity", "participant", "participation")) {
				connection.createStatement().execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT max(id) FROM " + table + "))");
			}
			connection.commit();
			connection.setAutoCommit(true);
			connection.createStatement().execute("VACUUM ANALYZE");
		}
	}

	private static void copyParticipants(org.postgresql.copy.CopyManager copy, StringBuilder rows) throws SQLException, IOException {
		copy.copyIn("COPY participant (id, ref, gender, birth_year, disability, home_municipality_code, organization_id) FROM STDIN",
				new StringReader(rows.toString()));
		rows.setLength(0);
	}

	/** The organization leading project p: one of the partners, ORG-5 to ORG-20. */
	private static int lead(int project) {
		return 5 + project % 16;
	}

	private static void flush(org.postgresql.copy.CopyManager copy, StringBuilder activities, StringBuilder participations)
			throws SQLException, IOException {
		copy.copyIn("COPY activity (id, code, project_id, kind, title, start_date, end_date, venue_municipality_code,"
				+ " organizer_id) FROM STDIN",
				new StringReader(activities.toString()));
		copy.copyIn("COPY participation (activity_id, participant_id, organization_id, role) FROM STDIN",
				new StringReader(participations.toString()));
		activities.setLength(0);
		participations.setLength(0);
	}

	/** An index in [0, n) with a Zipf-like skew: a few values are common, most are rare. */
	private int skewed(int n, double exponent) {
		double u = this.random.nextDouble();
		return Math.min(n - 1, (int) Math.floor(n * Math.pow(u, 1 + exponent)));
	}

}
