package org.kvali.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import org.kvali.demo.DemoPlaces.Place;
import org.kvali.demo.DemoRows.Attendance;
import org.kvali.demo.DemoRows.Event;
import org.kvali.demo.DemoRows.Person;

/** The activities of the demo programme and who attended them, from 2023 to 2025. */
final class DemoEvents {

	static final String CAPACITY = "CSO-CAPACITY";

	static final String BUDGET = "LOCAL-BUDGET";

	static final String BAKURIANI = "TRN-2024-BAKURIANI";

	private static final List<String> BAKURIANI_TOPICS = List.of(
			"Human rights and their protection by local and international mechanisms", "Gender equality",
			"The role of local self-government in participatory decision-making",
			"Assessing municipal policy through a gender and human-rights lens");

	final List<Event> events = new ArrayList<>();

	final List<Attendance> attendances = new ArrayList<>();

	private final Random random;

	private final List<Person> people;

	DemoEvents(Random random, List<Person> people) {
		this.random = random;
		this.people = people;
		bakuriani();
		for (int year = 2023; year <= 2025; year++) {
			for (var place : DemoPlaces.ALL) {
				local(year, place);
			}
			regionalTraining(year, DemoPlaces.KVEMO_KARTLI, "GE-KK-MARNEULI", "T001");
			regionalTraining(year, DemoPlaces.SAMTSKHE_JAVAKHETI, "GE-SJ-AKHALTSIKHE", "T002");
		}
		var online = new Event("MTG-2023-ONLINE", BUDGET, "MEETING", "Online coordination meeting of partner CSOs",
				null, LocalDate.of(2023, 11, 7), LocalDate.of(2023, 11, 7), null, "Online", DemoPeople.HEKS, List.of());
		attend(online, pick(12, p -> isLocal(p) && p.org() != null && p.org().startsWith("CSO")), "PARTICIPANT");
		var forum = new Event("CNF-2025-TBILISI", BUDGET, "CONFERENCE", "Regional forum on participatory budgeting",
				null, LocalDate.of(2025, 11, 20), LocalDate.of(2025, 11, 21), "GE-TB-TBILISI", "Tbilisi",
				DemoPeople.HEKS, List.of("Participatory budgeting", "Advocacy results"));
		attend(forum, pick(40, DemoEvents::isLocal), "PARTICIPANT");
		attend(forum, List.of(person("T003")), "SPEAKER");
		var visit = new Event("OTH-2025-STUDY-VISIT", CAPACITY, "OTHER", "Study visit to Kutaisi city council", null,
				LocalDate.of(2025, 5, 14), LocalDate.of(2025, 5, 15), "GE-IM-KUTAISI", "Kutaisi", DemoPeople.CIF,
				List.of());
		attend(visit, pick(15, p -> isLocal(p) && p.home() != null && p.home().startsWith("GE-KK")), "PARTICIPANT");
	}

	private void bakuriani() {
		var training = new Event(BAKURIANI, CAPACITY, "TRAINING",
				"Equality, discrimination, human rights monitoring and policy assessment in a gender and inclusive"
						+ " direction, in the context of local development and budgeting",
				"თანასწორობა, დისკრიმინაცია, ადამიანის უფლებების მონიტორინგი და პოლიტიკის შეფასება გენდერული და"
						+ " ინკლუზიური მიმართულებით ადგილობრივი განვითარებისა და ბიუჯეტირების კონტექსტში",
				LocalDate.of(2024, 7, 18), LocalDate.of(2024, 7, 22), "GE-SJ-BORJOMI", "Bakuriani", DemoPeople.HEKS,
				BAKURIANI_TOPICS);
		for (var region : List.of(DemoPlaces.KVEMO_KARTLI, DemoPlaces.SAMTSKHE_JAVAKHETI)) {
			attend(training, pick(30, p -> isCivilSociety(p) && p.home() != null && p.home().startsWith(region)
					&& p.birthYear() != null && p.birthYear() <= 2006), "PARTICIPANT");
		}
		attend(training, List.of(person("T001"), person("T002")), "TRAINER");
	}

	private void local(int year, Place place) {
		var workshop = event("WS-%d-%s".formatted(year, place.municipality()), CAPACITY, "WORKSHOP",
				"Community needs assessment workshop in " + place.name(), date(year), 1, place.code(),
				organizer(place), List.of("Community needs", "Human rights monitoring"));
		attend(workshop, pickNear(8 + this.random.nextInt(13), place), "PARTICIPANT");
		attend(workshop, List.of(person(this.random.nextBoolean() ? "T003" : "T004")), "FACILITATOR");
		var meeting = event("MTG-%d-%s".formatted(year, place.municipality()), BUDGET, "MEETING",
				"Budget hearing with " + place.name() + " municipality", date(year), 1, place.code(),
				"MUN-" + place.municipality(), List.of("Municipal budget"));
		attend(meeting, pickNear(6 + this.random.nextInt(10), place), "PARTICIPANT");
		attend(meeting, List.of(person(place.region().equals(DemoPlaces.KVEMO_KARTLI) ? "S001" : "S002")),
				"ORGANIZER");
		if (year >= 2024 && (place.people() + year) % 2 == 0) {
			var campaign = event("CMP-%d-%s".formatted(year, place.municipality()), BUDGET, "CAMPAIGN",
					"Advocacy campaign for an inclusive budget in " + place.name(), date(year), 14, place.code(),
					organizer(place), List.of("Advocacy"));
			attend(campaign, pickNear(15 + this.random.nextInt(16), place), "PARTICIPANT");
		}
	}

	private void regionalTraining(int year, String region, String venue, String trainer) {
		var training = event("TRN-%d-%s".formatted(year, region.substring(3)), CAPACITY, "TRAINING",
				"Regional training on monitoring local policy", date(year), 3, venue, organizer(region),
				List.of("Policy monitoring", "Gender equality"));
		attend(training,
				pick(15 + this.random.nextInt(11), p -> isLocal(p) && p.home() != null && p.home().startsWith(region)),
				"PARTICIPANT");
		attend(training, List.of(person(trainer)), "TRAINER");
	}

	private void attend(Event event, List<Person> who, String role) {
		if (!this.events.contains(event)) {
			this.events.add(event);
		}
		int length = (int) (event.end().toEpochDay() - event.start().toEpochDay()) + 1;
		for (var person : who) {
			int days = length > 1 && this.random.nextInt(10) == 0 ? length - 1 : length;
			this.attendances.add(new Attendance(event.code(), person.ref(), person.org(), role, days));
		}
	}

	/** Mostly people of the place itself, some from elsewhere in its region. */
	private List<Person> pickNear(int count, Place place) {
		int local = (int) Math.round(count * 0.85);
		var here = pick(local, p -> isLocal(p) && place.code().equals(p.home()));
		var chosen = new ArrayList<>(here);
		chosen.addAll(pick(count - here.size(), p -> isLocal(p) && !place.code().equals(p.home())
				&& (p.home() == null || p.home().startsWith(place.region())) && !here.contains(p)));
		return chosen;
	}

	private List<Person> pick(int count, Predicate<Person> eligible) {
		var pool = new ArrayList<>(this.people.stream().filter(eligible).toList());
		Collections.shuffle(pool, this.random);
		return pool.subList(0, Math.min(count, pool.size()));
	}

	private LocalDate date(int year) {
		return LocalDate.of(year, 1, 15).plusDays(this.random.nextInt(320));
	}

	private static Event event(String code, String project, String kind, String title, LocalDate start, int days,
			String venue, String organizer, List<String> topics) {
		return new Event(code, project, kind, title, null, start, start.plusDays(days - 1), venue, null, organizer,
				topics);
	}

	private static String organizer(Place place) {
		return organizer(place.region());
	}

	private static String organizer(String region) {
		return region.equals(DemoPlaces.KVEMO_KARTLI) ? DemoPeople.CIF : DemoPeople.SCCSF;
	}

	private Person person(String ref) {
		return this.people.stream().filter(p -> p.ref().equals(ref)).findFirst().orElseThrow();
	}

	private static boolean isLocal(Person person) {
		return person.ref().startsWith("P");
	}

	private static boolean isCivilSociety(Person person) {
		return isLocal(person) && person.org() != null
				&& (person.org().startsWith("CSO") || person.org().startsWith("AG-"));
	}

}
