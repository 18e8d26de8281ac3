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
	 * is (it answered no regions), naming the code meant where it is written in another case.
	 */
	public List<Region> regionsOfCountry(String country) {
		var regions = this.repository.regionsOfCountry(country);
		if (regions.isEmpty() && country != null) {
			var stored = this.repository.country(country);
			if (!stored.equals(Optional.of(country))) {
				throw NotFoundException.orInAnotherCase("country", "country", country, stored);
			}
		}
		return regions;
	}

	public Region region(String code) {
		return this.repository.region(code).orElseThrow(() -> {
			var hints = hints();
			return notFound("region", "code", code, hints::regionMeant, hints::municipalityNotRegion);
		});
	}

	/** What values that name no place are told, the places read once for them all, at the first. */
	public PlaceHints hints() {
		return new PlaceHints(this::placeNames);
	}

	/** Every municipality and region, to read names by as people write them; for one sheet or request. */
	public PlaceNames placeNames() {
		return new PlaceNames(this.repository.units("MUNICIPALITY"), this.repository.units("REGION"));
	}

	public List<Municipality> municipalities(String regionCode) {
		if (regionCode == null) {
			return this.repository.municipalities();
		}
		var region = this.repository.region(regionCode).orElseThrow(() -> {
			var hints = hints();
			return notFound("region", "region", regionCode, hints::regionMeant, hints::municipalityNotRegion);
		});
		return this.repository.municipalitiesOfRegions(List.of(region.code()));
	}

	public Municipality municipality(String code) {
		return this.repository.municipalities(List.of(code))
			.stream()
			.findFirst()
			.orElseThrow(() -> {
				var hints = hints();
				return notFound("municipality", "code", code, hints::municipalityMeant, hints::insteadOfMunicipality);
			});
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
			var hints = hints();
			InvalidArgumentException.requireKnown(argument, "region", codes, regionsByCode(codes).keySet(),
					hints::regionMeant, municipalities == null ? hints::municipalityNotRegion
							: hints.municipalityIn(municipalities));
		}
	}

	/**
	 * Fails naming each code of {@code codes} that is no municipality, a region's told to be given in the field
	 * {@code regions}; null passes.
	 */
	public void requireMunicipalities(String argument, Collection<String> codes, String regions) {
		if (codes != null) {
			var hints = hints();
			InvalidArgumentException.requireKnown(argument, "municipality", codes,
					municipalitiesByCode(codes).keySet(), hints::municipalityMeant, hints.regionIn(regions));
		}
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
