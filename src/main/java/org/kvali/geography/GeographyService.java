package org.kvali.geography;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kvali.graphql.InvalidArgumentException;
import org.kvali.graphql.NotFoundException;

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

	/** The regions of a country; an unknown country is NOT_FOUND, as an unknown region is (it answered no regions). */
	public List<Region> regionsOfCountry(String country) {
		var regions = this.repository.regionsOfCountry(country);
		if (regions.isEmpty() && !this.repository.countryExists(country)) {
			throw new NotFoundException("country", "country", country);
		}
		return regions;
	}

	public Region region(String code) {
		return this.repository.region(code).orElseThrow(() -> new NotFoundException("region", "code", code));
	}

	public List<Municipality> municipalities(String regionCode) {
		if (regionCode == null) {
			return this.repository.municipalities();
		}
		var region = this.repository.region(regionCode)
			.orElseThrow(() -> new NotFoundException("region", "region", regionCode));
		return this.repository.municipalitiesOfRegions(List.of(region.code()));
	}

	public Municipality municipality(String code) {
		return this.repository.municipalities(List.of(code))
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("municipality", "code", code));
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

	/** Fails naming the first code of {@code codes} that is no region; null passes. */
	public void requireRegions(String argument, Collection<String> codes) {
		if (codes != null) {
			requireAll(argument, "region", codes, regionsByCode(codes).keySet());
		}
	}

	/** Fails naming the first code of {@code codes} that is no municipality; null passes. */
	public void requireMunicipalities(String argument, Collection<String> codes) {
		if (codes != null) {
			requireAll(argument, "municipality", codes, municipalitiesByCode(codes).keySet());
		}
	}

	private static void requireAll(String argument, String what, Collection<String> codes,
			Collection<String> known) {
		var unknown = new HashSet<>(codes);
		unknown.removeAll(known);
		unknown.stream().sorted().findFirst().ifPresent(code -> {
			throw new InvalidArgumentException(argument, code, "No " + what + " has the code '" + code + "'");
		});
	}

}
