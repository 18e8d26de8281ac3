package org.kvali.demo;

import java.util.List;

/** The municipalities of the two programme regions, with how many people each has in the demo pool. */
final class DemoPlaces {

	record Place(String region, String municipality, String name, int people) {
		String code() {
			return region + "-" + municipality;
		}
	}

	static final String KVEMO_KARTLI = "GE-KK";

	static final String SAMTSKHE_JAVAKHETI = "GE-SJ";

	static final List<Place> ALL = List.of(
			new Place(KVEMO_KARTLI, "BOLNISI", "Bolnisi", 25),
			new Place(KVEMO_KARTLI, "DMANISI", "Dmanisi", 15),
			new Place(KVEMO_KARTLI, "GARDABANI", "Gardabani", 30),
			new Place(KVEMO_KARTLI, "MARNEULI", "Marneuli", 45),
			new Place(KVEMO_KARTLI, "RUSTAVI", "Rustavi", 40),
			new Place(KVEMO_KARTLI, "TETRITSKARO", "Tetritskaro", 15),
			new Place(KVEMO_KARTLI, "TSALKA", "Tsalka", 12),
			new Place(SAMTSKHE_JAVAKHETI, "ADIGENI", "Adigeni", 12),
			new Place(SAMTSKHE_JAVAKHETI, "AKHALKALAKI", "Akhalkalaki", 35),
			new Place(SAMTSKHE_JAVAKHETI, "AKHALTSIKHE", "Akhaltsikhe", 35),
			new Place(SAMTSKHE_JAVAKHETI, "ASPINDZA", "Aspindza", 10),
			new Place(SAMTSKHE_JAVAKHETI, "BORJOMI", "Borjomi", 20),
			new Place(SAMTSKHE_JAVAKHETI, "NINOTSMINDA", "Ninotsminda", 18));

	private DemoPlaces() {
	}

}
