package org.kvali.demo;

import java.util.List;

import org.kvali.demo.DemoRows.Attendance;
import org.kvali.demo.DemoRows.Event;
import org.kvali.demo.DemoRows.Org;
import org.kvali.demo.DemoRows.Person;

import org.springframework.jdbc.core.JdbcTemplate;

/** Writes the demo rows in batches, resolving codes to ids inside the statements. */
final class DemoDataWriter {

	static final String PROGRAMME = "EU-CSO-EQUAL";

	private final JdbcTemplate jdbc;

	DemoDataWriter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void write(DemoPeople people, DemoEvents events) {
		this.jdbc.batchUpdate("""
				INSERT INTO organization (code, name, name_ka, kind, municipality_code, region_code)
				VALUES (?, ?, ?, ?, ?, ?)""", people.organizations.stream().map(DemoDataWriter::row).toList());
		programme();
		this.jdbc.batchUpdate("""
				INSERT INTO participant (ref, gender, birth_year, disability, home_municipality_code, organization_id)
				VALUES (?, ?, ?, ?, ?, (SELECT id FROM organization WHERE code = ?))""",
				people.people.stream().map(DemoDataWriter::row).toList());
		this.jdbc.batchUpdate("""
				INSERT INTO participant_personal (participant_id, full_name)
				SELECT id, ? FROM participant WHERE lower(ref) = lower(?)""",
				people.people.stream().filter(p -> p.fullName() != null)
					.map(p -> new Object[] { p.fullName(), p.ref() })
					.toList());
		this.jdbc.batchUpdate("""
				INSERT INTO activity (code, project_id, kind, title, title_ka, start_date, end_date,
				                      venue_municipality_code, venue_name, organizer_id, topics)
				VALUES (?, (SELECT id FROM project WHERE code = ?), ?, ?, ?, ?, ?, ?, ?,
				        (SELECT id FROM organization WHERE code = ?), ?)""",
				events.events.stream().map(DemoDataWriter::row).toList());
		// an activity's organizer has a part in its project: the municipalities holding the budget hearings support
		// the budgeting project without implementing it
		this.jdbc.update("""
				INSERT INTO project_partner (project_id, organization_id, role)
				SELECT DISTINCT a.project_id, a.organizer_id, 'ASSOCIATE' FROM activity a JOIN project p ON p.id = a.project_id
				WHERE a.organizer_id <> p.lead_organization_id
				  AND NOT EXISTS (SELECT 1 FROM project_partner pp
				                  WHERE pp.project_id = a.project_id AND pp.organization_id = a.organizer_id)""");
		this.jdbc.batchUpdate("""
				INSERT INTO participation (activity_id, participant_id, organization_id, role, days_attended)
				VALUES ((SELECT id FROM activity WHERE code = ?), (SELECT id FROM participant WHERE lower(ref) = lower(?)),
				        (SELECT id FROM organization WHERE code = ?), ?, ?)""",
				events.attendances.stream().map(DemoDataWriter::row).toList());
		new DemoLogframe(this.jdbc).write();
	}

	private void programme() {
		this.jdbc.update("""
				INSERT INTO programme (code, name, name_ka, description, start_date, end_date, publisher_id)
				VALUES (?, ?, ?, ?, DATE '2023-01-01', DATE '2025-12-31',
				        (SELECT id FROM organization WHERE code = ?))""",
				PROGRAMME,
				"Strengthening civil society for equal and full participation in social, economic and political life",
				"სამოქალაქო საზოგადოების გაძლიერება სოციალურ, ეკონომიკურ და პოლიტიკურ ცხოვრებაში თანაბარი და"
						+ " სრულყოფილი მონაწილეობისთვის",
				"Civil-society organizations and activist groups of Kvemo Kartli and Samtskhe-Javakheti take part"
						+ " in local development, budgeting and policy on equal terms.",
				DemoPeople.HEKS);
		this.jdbc.update("""
				INSERT INTO programme_donor (programme_id, organization_id)
				SELECT p.id, o.id FROM programme p, organization o WHERE p.code = ? AND o.code = ?""", PROGRAMME,
				DemoPeople.EU);
		project(DemoEvents.CAPACITY, "Capacity building of civil society in Kvemo Kartli and Samtskhe-Javakheti");
		project(DemoEvents.BUDGET, "Participatory local budgeting and advocacy");
	}

	private void project(String code, String name) {
		this.jdbc.update("""
				INSERT INTO project (code, programme_id, name, lead_organization_id, start_date, end_date)
				SELECT ?, p.id, ?, o.id, p.start_date, p.end_date
				FROM programme p, organization o WHERE p.code = ? AND o.code = ?""", code, name, PROGRAMME,
				DemoPeople.HEKS);
		for (var partner : List.of(DemoPeople.CIF, DemoPeople.SCCSF)) {
			this.jdbc.update("""
					INSERT INTO project_partner (project_id, organization_id, role)
					SELECT p.id, o.id, 'REGIONAL_PARTNER' FROM project p, organization o WHERE p.code = ? AND o.code = ?
					""", code, partner);
		}
	}

	private static Object[] row(Org o) {
		return new Object[] { o.code(), o.name(), o.nameKa(), o.kind(), o.municipality(), o.region() };
	}

	private static Object[] row(Person p) {
		return new Object[] { p.ref(), p.gender(), p.birthYear(), p.disability(), p.home(), p.org() };
	}

	private static Object[] row(Event e) {
		return new Object[] { e.code(), e.project(), e.kind(), e.title(), e.titleKa(), e.start(), e.end(), e.venue(),
				e.venueName(), e.organizer(), e.topics().toArray(String[]::new) };
	}

	private static Object[] row(Attendance a) {
		return new Object[] { a.activity(), a.participant(), a.org(), a.role(), a.days() };
	}

}
