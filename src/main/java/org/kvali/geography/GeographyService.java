package org.kvali.geography;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kvali.graphql.InvalidArgumentException;
import org.kvali.graphql.NotFoundException;
import org.kvali.graphql.Text;
import org.kvali.graphql.Validation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Regions and municipalities: the reference geography every other feature places things in. */
@Service
@Transactional(readOnly = true)
public class GeographyService {

	private final GeographyRepository repository;

	GeographyService(GeographyRepository repository) {
		this.repository = repository;
	}

	/**
	 * The regions of a country, of every country when it is null; an unknown country is NOT_FOUND, as an unknown region
	 * is (it answered no regions).
	 */
	public List<Region> regionsOfCountry(String country) {
		var regions = this.repository.regionsOfCountry(country);
		if (regions.isEmpty() && country != null && !this.repository.countryExists(country)) {
			throw new NotFoundException("country", "country", country);
		}
		return regions;
	}

	public Region region(String code) {
		return this.repository.region(code)
			.orElseThrow(() -> notFound("region", "code", code, this::regionInAnotherCase,
					this::municipalityNotRegion));
	}

	/**
	 * The code of the region the value names in another case, or by its English or Georgian name, as sheets read them
	 * ({@link PlaceNames}): codes are one in any case, and "Kvemo Kartli " was told only that no region had that code.
	 */
	public Optional<String> regionInAnotherCase(String code) {
		return Optional.ofNullable(placeNames().regionCode(Text.trim(code))).filter(stored -> !stored.equals(code));
	}

	/**
	 * The code of the municipality the value names in another case, or by its name: "Marneuli Municipality" was told
	 * only that no municipality had that code, where a sheet takes it (a tester's).
	 */
	public Optional<String> municipalityInAnotherCase(String code) {
		return Optional.ofNullable(placeNames().code(Text.trim(code))).filter(stored -> !stored.equals(code));
	}

	/**
	 * What a value given for a municipality names instead, told beside "No municipality has the code": a region, by
	 * its code or name (a sheet says so, where a mutation said nothing: a tester's).
	 */
	public Optional<String> regionNotMunicipality(String value) {
		return Optional.ofNullable(placeNames().region(Text.trim(value)))
			.map(region -> "; " + region + " is a region: give a municipality");
	}

	/**
	 * What a value given for a region names instead: a municipality, by its code or name, and the region it lies in,
	 * which is likely meant (a review's).
	 */
	public Optional<String> municipalityNotRegion(String value) {
		var places = placeNames();
		var trimmed = Text.trim(value);
		var region = places.regionOfMunicipality(trimmed);
		return Optional.ofNullable(places.municipality(trimmed))
			.map(municipality -> "; " + municipality + " is a municipality"
					+ (region == null ? "" : " of the region " + region) + ": give a region");
	}

	/** Every municipality and region, to read names by as people write them; for one sheet or request. */
	public PlaceNames placeNames() {
		return new PlaceNames(this.repository.units("MUNICIPALITY"), this.repository.units("REGION"));
	}

	public List<Municipality> municipalities(String regionCode) {
		if (regionCode == null) {
			return this.repository.municipalities();
		}
		var region = this.repository.region(regionCode)
			.orElseThrow(() -> notFound("region", "region", regionCode, this::regionInAnotherCase,
					this::municipalityNotRegion));
		return this.repository.municipalitiesOfRegions(List.of(region.code()));
	}

	public Municipality municipality(String code) {
		return this.repository.municipalities(List.of(code))
			.stream()
			.findFirst()
			.orElseThrow(() -> notFound("municipality", "code", code, this::municipalityInAnotherCase,
					this::regionNotMunicipality));
	}

	public Map<String, Region> regionsByCode(Collection<String> codes) {
		return this.repository.regions(codes)
			.stream()
			.collect(Collectors.toMap(Region::code, Function.identity()));
	}

	public Map<String, Municipality> municipalitiesByCode(Collection<String> codes) {
		return this.repository.municipalities(codes)
			.stream()
			.collect(Collectors.toMap(Municipality::code, Function.identity()));
	}

	public Map<String, List<Municipality>> municipalitiesOfRegions(Collection<String> regionCodes) {
		return this.repository.municipalitiesOfRegions(regionCodes)
			.stream()
			.collect(Collectors.groupingBy(Municipality::regionCode));
	}

	/**
	 * Fails naming each code of {@code codes} that is no region, a municipality's told to be given in the field
	 * {@code municipalities}, or, where there is none, the region it lies in; null passes.
	 */
	public void requireRegions(String argument, Collection<String> codes, String municipalities) {
		if (codes != null) {
			InvalidArgumentException.requireKnown(argument, "region", codes, regionsByCode(codes).keySet(),
					this::regionInAnotherCase, municipalities == null ? this::municipalityNotRegion
							: municipalityIn(municipalities));
		}
	}

	/** Fails naming each code of {@code codes} that is no municipality, a region's told to be given in {@code regions}. */
	public void requireMunicipalities(String argument, Collection<String> codes, String regions) {
		if (codes != null) {
			InvalidArgumentException.requireKnown(argument, "municipality", codes,
					municipalitiesByCode(codes).keySet(), this::municipalityInAnotherCase, regionIn(regions));
		}
	}

	/** What a value given for a municipality names instead, where another field takes it: a region, to give there. */
	public Function<String, Optional<String>> regionIn(String field) {
		return value -> Optional.ofNullable(placeNames().region(Text.trim(value)))
			.map(region -> "; " + region + " is a region: give it in " + field);
	}

	/** What a value given for a region names instead, where another field takes it: a municipality, to give there. */
	public Function<String, Optional<String>> municipalityIn(String field) {
		return value -> Optional.ofNullable(placeNames().municipality(Text.trim(value)))
			.map(municipality -> "; " + municipality + " is a municipality: give it in " + field);
	}

	/**
	 * NOT_FOUND naming the code meant, else what the value names instead ({@link Validation#told}), each looked up
	 * only where needed.
	 */
	private static NotFoundException notFound(String what, String argument, String code,
			Function<String, Optional<String>> meant, Function<String, Optional<String>> otherwise) {
		return Validation.told(what, code, meant, otherwise)
			.map(told -> NotFoundException.explained(argument, code,
					"No " + what + " has the code '" + Text.preview(code, 40) + "'" + told))
			.orElseGet(() -> new NotFoundException(what, argument, code));
	}

}
