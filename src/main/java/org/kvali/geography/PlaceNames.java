package org.kvali.geography;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.kvali.graphql.Text;

/**
 * The municipalities and regions a sheet or a request may name, by code, English or Georgian name, read as people
 * write them: "Marneuli Municipality", "Tetri Tskaro", "მარნეულის მუნიციპალიტეტი" are Marneuli and Tetritskaro,
 * "Kvemo-Kartli region" and "ქვემო ქართლის მხარე" are Kvemo Kartli, case, spaces, hyphens and the word for
 * municipality or city aside, and for region (of a region alone). A name that is none of them is answered with the
 * nearest municipality, if one is near. An instance is read by one sheet or request, on one thread: it keeps what it
 * read loosely.
 */
public final class PlaceNames {

	/** Words that say what a place is, not which: left out of a name before it is looked up. */
	private static final Pattern GENERIC = Pattern.compile("\\b(municipality|municipal|district|city|town|raioni|raion"
			+ "|rayon)\\b"
			+ "|მუნიციპალიტეტის?|ქალაქ(?:ის?)?|რაიონის?|რ-ნი|^ქ\\.");

	/**
	 * The words for a region, left out of a region's name alone: of a municipality's, "Kutaisi region" is more
	 * likely Imereti than the city (a review's), and is told as no municipality.
	 */
	private static final Pattern REGIONAL = Pattern.compile("\\b(region|regioni|autonomous\\s+republic(\\s+of)?)\\b"
			+ "|მხარე|რეგიონი|ავტონომიური\\s+რესპუბლიკა");


	/** What does not tell one name from another: spaces, hyphens, underscores, dots, apostrophes. */
	private static final Pattern PUNCTUATION = Pattern.compile("[\\s\u00a0\\-‐‑–_.'’]+");

	/** The most letters a name may differ by from the nearest to be offered (one for names of up to five). */
	private static final int NEAR = 2;

	private final Map<String, String> exact = new HashMap<>();

	private final Map<String, String> loose = new HashMap<>();

	private final Map<String, String> names = new HashMap<>();

	private final Map<String, String> nearest = new HashMap<>();

	/** Regions' codes by their names and codes read loosely. */
	private final Map<String, String> regionCodes = new HashMap<>();

	/** Each region by its code, as "Kvemo Kartli (GE-KK)". */
	private final Map<String, String> regions = new HashMap<>();

	/** Each municipality's region's code, by the municipality's code. */
	private final Map<String, String> regionOf = new HashMap<>();

	/** Values read loosely, and the code each names ("" for none). */
	private final Map<String, String> read = new HashMap<>();

	/**
	 * Each municipality, and each region, as its code, English name, Georgian name, the code of its parent and its
	 * other names ({@link GeographyRepository#units}).
	 */
	PlaceNames(List<List<String>> municipalities, List<List<String>> regions) {
		for (var region : regions) {
			this.regions.put(region.get(0), region.get(1) + " (" + region.get(0) + ")");
			var names = new ArrayList<>(region.subList(0, 3));
			// before the word for region, as before that for municipality: ქვემო ქართლის მხარე
			names.addAll(genitives(region.get(2)));
			// and its other names (geo_unit_name: a tester's "Ajara" was not read)
			names.addAll(region.subList(4, region.size()));
			for (var name : names) {
				this.regionCodes.putIfAbsent(regionKey(name), region.get(0));
			}
		}
		for (var municipality : municipalities) {
			var code = municipality.get(0);
			this.names.put(code, municipality.get(1));
			this.regionOf.put(code, municipality.get(3));
			// its code, names, and other names (geo_unit_name: "Bakuriani" was told as no municipality)
			var names = new ArrayList<>(municipality.subList(0, 3));
			names.addAll(municipality.subList(4, municipality.size()));
			for (var name : names) {
				this.exact.putIfAbsent(name.toLowerCase(Locale.ROOT), code);
				this.loose.putIfAbsent(key(name), code);
			}
			for (var genitive : genitives(municipality.get(2))) {
				this.loose.putIfAbsent(key(genitive), code);
			}
		}
	}

	/**
	 * Georgian puts the name before "municipality" in the genitive: a final ი, ა or ე gives way to ის (მარნეულის,
	 * წალკის, ახალციხის), and ო or უ takes ს (თეთრიწყაროს); an ა or ე before the last consonant may fall out too
	 * (გარდაბნის, ყვარლის). A form the language lacks names no other municipality (none of the 71 collide).
	 */
	private static List<String> genitives(String name) {
		var last = name.charAt(name.length() - 1);
		if (last != 'ი' && last != 'ა' && last != 'ე') {
			return List.of(name + "ს");
		}
		var stem = name.substring(0, name.length() - 1);
		int n = stem.length();
		return n >= 3 && "აე".indexOf(stem.charAt(n - 2)) >= 0 && "აეიოუ".indexOf(stem.charAt(n - 1)) < 0
				? List.of(stem + "ის", stem.substring(0, n - 2) + stem.charAt(n - 1) + "ის") : List.of(stem + "ის");
	}

	/** The code of the municipality the value names; null when it names none. */
	public String code(String value) {
		var code = this.exact.get(value.toLowerCase(Locale.ROOT));
		if (code != null) {
			return code;
		}
		// read loosely once per value: a sheet repeats its venue on every row
		var read = this.read.computeIfAbsent(value, text -> this.loose.getOrDefault(key(text), ""));
		return read.isEmpty() ? null : read;
	}

	/** The municipality the value names, as "Marneuli (GE-KK-MARNEULI)"; null when it names none. */
	public String municipality(String value) {
		var code = code(value);
		return code == null ? null : this.names.get(code) + " (" + code + ")";
	}

	/** The region of the municipality the value names, as "Kvemo Kartli (GE-KK)"; null when it names none. */
	public String regionOfMunicipality(String value) {
		var code = code(value);
		return code == null ? null : this.regions.get(this.regionOf.get(code));
	}

	/** The region a value that names no municipality names, as "Kvemo Kartli (GE-KK)"; null when it names none. */
	public String region(String value) {
		var code = regionCode(value);
		return code == null ? null : this.regions.get(code);
	}

	/** The code of the region the value names, by its code or name; null when it names none. */
	public String regionCode(String value) {
		return this.regionCodes.get(regionKey(value));
	}

	/** The municipality nearest to a value that names none, as "Marneuli (GE-KK-MARNEULI)"; null when none is near. */
	public String nearest(String value) {
		return this.nearest.computeIfAbsent(value, text -> {
			var key = key(text);
			String best = null;
			int fewest = (key.length() <= 5 ? 1 : NEAR) + 1;
			for (var entry : this.loose.entrySet()) {
				int distance = Text.distance(key, entry.getKey(), fewest);
				if (distance < fewest) {
					fewest = distance;
					best = entry.getValue();
				}
			}
			return best == null ? null : this.names.get(best) + " (" + best + ")";
		});
	}

	/**
	 * A region's name read loosely: as a municipality's, and without the word for region ("ქ. თბილისი" and "Tbilisi
	 * city" are the region Tbilisi too: a review's).
	 */
	private static String regionKey(String name) {
		var lower = name.toLowerCase(Locale.ROOT);
		var specific = REGIONAL.matcher(lower).replaceAll("");
		return key(specific.isBlank() ? lower : specific);
	}

	private static String key(String name) {
		var lower = name.toLowerCase(Locale.ROOT);
		var specific = GENERIC.matcher(lower).replaceAll("");
		// a name that is nothing but such a word keeps it
		return PUNCTUATION.matcher(specific.isBlank() ? lower : specific).replaceAll("");
	}

}
