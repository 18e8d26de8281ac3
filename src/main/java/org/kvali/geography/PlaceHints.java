package org.kvali.geography;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.kvali.graphql.Text;

/**
 * What a value given for a region or a municipality that names none is told: the code it means, or the place of the
 * other level it names. The places are read once, at the first value asked of, for all the values of one request: a
 * filter of many unknown codes read them twice for each (a review's).
 */
public final class PlaceHints {

	private final Supplier<PlaceNames> read;

	private PlaceNames places;

	PlaceHints(Supplier<PlaceNames> read) {
		this.read = read;
	}

	private PlaceNames places() {
		if (this.places == null) {
			this.places = this.read.get();
		}
		return this.places;
	}

	/**
	 * The code of the region the value names in another case, or by its English or Georgian name, as sheets read them
	 * ({@link PlaceNames}): codes are one in any case, and "Kvemo Kartli " was told only that no region had that code.
	 */
	public Optional<String> regionMeant(String code) {
		return Optional.ofNullable(places().regionCode(Text.trim(code))).filter(stored -> !stored.equals(code));
	}

	/**
	 * The code of the municipality the value names in another case, or by its name: "Marneuli Municipality" was told
	 * only that no municipality had that code, where a sheet takes it (a tester's).
	 */
	public Optional<String> municipalityMeant(String code) {
		return Optional.ofNullable(places().code(Text.trim(code))).filter(stored -> !stored.equals(code));
	}

	/**
	 * What a value given for a municipality names instead, told beside "No municipality has the code": a region, by
	 * its code or name (a sheet says so, where a mutation said nothing: a tester's), else the municipality nearest
	 * it, as a sheet offers it ("Rustavy" was told only that no municipality had that code: another's).
	 */
	public Optional<String> insteadOfMunicipality(String value) {
		return Optional.ofNullable(places().region(Text.trim(value)))
			.map(region -> "; " + region + " is a region: give a municipality")
			.or(() -> Optional.ofNullable(places().nearest(Text.trim(value))).map(near -> "; did you mean " + near
					+ "?"));
	}

	/**
	 * What a value given for a region names instead: a municipality, by its code or name, and the region it lies in,
	 * which is likely meant (a review's).
	 */
	public Optional<String> municipalityNotRegion(String value) {
		var trimmed = Text.trim(value);
		var region = places().regionOfMunicipality(trimmed);
		return Optional.ofNullable(places().municipality(trimmed))
			.map(municipality -> "; " + municipality + " is a municipality"
					+ (region == null ? "" : " of the region " + region) + ": give a region");
	}

	/** What a value given for a municipality names instead, where another field takes it: a region, to give there. */
	public Function<String, Optional<String>> regionIn(String field) {
		return value -> Optional.ofNullable(places().region(Text.trim(value)))
			.map(region -> "; " + region + " is a region: give it in " + field);
	}

	/** What a value given for a region names instead, where another field takes it: a municipality, to give there. */
	public Function<String, Optional<String>> municipalityIn(String field) {
		return value -> Optional.ofNullable(places().municipality(Text.trim(value)))
			.map(municipality -> "; " + municipality + " is a municipality: give it in " + field);
	}

}
