package org.kvali.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.kvali.demo.DemoPlaces.Place;
import org.kvali.demo.DemoRows.Org;
import org.kvali.demo.DemoRows.Person;

/** The organizations and people of the demo dataset, drawn from a seeded random source. */
final class DemoPeople {

	static final String EU = "EU";

	static final String HEKS = "HEKS-EPER";

	static final String CIF = "CIF";

	static final String SCCSF = "SCCSF";

	private static final String[] FIRST_NAMES_F = { "Nino", "Mariam", "Tamar", "Ana", "Eka", "Natia", "Leila", "Aygun",
			"Anahit", "Lela" };

	private static final String[] FIRST_NAMES_M = { "Giorgi", "Davit", "Levan", "Irakli", "Zurab", "Elvin", "Armen",
			"Nika", "Tornike", "Samvel" };

	final List<Org> organizations = new ArrayList<>();

	final List<Person> people = new ArrayList<>();

	private final Random random;

	DemoPeople(Random random) {
		this.random = random;
		this.organizations.add(new Org(EU, "European Union", "ევროკავშირი", "DONOR", null, null));
		this.organizations.add(new Org(HEKS, "HEKS-EPER", "ჰეკს-ეპერი", "IMPLEMENTER", "GE-TB-TBILISI", null));
		this.organizations.add(new Org(CIF, "Civic Integration Foundation", "სამოქალაქო ინტეგრაციის ფონდი",
				"PARTNER", null, DemoPlaces.KVEMO_KARTLI));
		this.organizations.add(new Org(SCCSF, "Civil Society Formation Support Centre",
				"სამოქალაქო საზოგადოების ფორმირების ხელშემწყობი ცენტრი", "PARTNER", null,
				DemoPlaces.SAMTSKHE_JAVAKHETI));
		this.organizations.add(new Org("CSO-KK-DISABILITY", "Kvemo Kartli Disability Rights Network", null, "CSO",
				null, DemoPlaces.KVEMO_KARTLI));
		for (var place : DemoPlaces.ALL) {
			addOrganizationsOf(place);
		}
		for (int i = 1; i <= 4; i++) {
			this.people.add(new Person("T%03d".formatted(i), i % 2 == 0 ? "MALE" : "FEMALE", 1970 + 4 * i, false,
					"GE-TB-TBILISI", HEKS, null));
		}
		this.people.add(new Person("S001", "FEMALE", 1985, false, "GE-KK-MARNEULI", CIF, null));
		this.people.add(new Person("S002", "MALE", 1982, false, "GE-SJ-AKHALTSIKHE", SCCSF, null));
		int seq = 1;
		for (var place : DemoPlaces.ALL) {
			for (int i = 0; i < place.people(); i++) {
				this.people.add(person("P%04d".formatted(seq++), place));
			}
		}
	}

	private void addOrganizationsOf(Place place) {
		var municipality = place.code();
		this.organizations.add(new Org("CSO-" + place.municipality() + "-1", place.name() + " Women's Association",
				null, "CSO", municipality, null));
		this.organizations.add(new Org("CSO-" + place.municipality() + "-2", place.name() + " Youth Initiative Centre",
				null, "CSO", municipality, null));
		this.organizations.add(new Org("AG-" + place.municipality(), place.name() + " Budget Watch Group", null,
				"ACTIVIST_GROUP", municipality, null));
		this.organizations.add(new Org("MUN-" + place.municipality(), place.name() + " Municipality City Hall", null,
				"MUNICIPALITY", municipality, null));
	}

	private Person person(String ref, Place place) {
		double g = this.random.nextDouble();
		var gender = g < 0.56 ? "FEMALE" : g < 0.92 ? "MALE" : g < 0.95 ? "OTHER" : "UNDISCLOSED";
		var birthYear = birthYear();
		double d = this.random.nextDouble();
		Boolean disability = d < 0.07 ? Boolean.TRUE : d < 0.90 ? Boolean.FALSE : null;
		var home = this.random.nextDouble() < 0.94 ? place.code() : null;
		double o = this.random.nextDouble();
		String org;
		if (o < 0.45) {
			org = "CSO-" + place.municipality() + "-1";
		}
		else if (o < 0.72) {
			org = "CSO-" + place.municipality() + "-2";
		}
		else if (o < 0.87) {
			org = "AG-" + place.municipality();
		}
		else if (o < 0.92) {
			org = place.region().equals(DemoPlaces.KVEMO_KARTLI) ? "CSO-KK-DISABILITY" : "MUN-" + place.municipality();
		}
		else {
			org = null;
		}
		var names = "FEMALE".equals(gender) ? FIRST_NAMES_F : FIRST_NAMES_M;
		var fullName = this.random.nextBoolean()
				? names[this.random.nextInt(names.length)] + " " + (char) ('A' + this.random.nextInt(26)) + "." : null;
		return new Person(ref, gender, birthYear, disability, home, org, fullName);
	}

	/** Ages as of 2024 spread over every age band, a few unknown. */
	private Integer birthYear() {
		double b = this.random.nextDouble();
		int age;
		if (b < 0.05) {
			age = 15 + this.random.nextInt(3);
		}
		else if (b < 0.35) {
			age = 18 + this.random.nextInt(12);
		}
		else if (b < 0.67) {
			age = 30 + this.random.nextInt(15);
		}
		else if (b < 0.87) {
			age = 45 + this.random.nextInt(15);
		}
		else if (b < 0.95) {
			age = 60 + this.random.nextInt(15);
		}
		else {
			return null;
		}
		return 2024 - age;
	}

}
