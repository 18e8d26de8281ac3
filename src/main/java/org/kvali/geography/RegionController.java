package org.kvali.geography;

import java.util.List;
import java.util.Map;

import org.kvali.graphql.BatchLinks;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class RegionController {

	private final GeographyService geography;

	RegionController(GeographyService geography) {
		this.geography = geography;
	}

	@QueryMapping
	List<Region> regions(@Argument String country) {
		return this.geography.regionsOfCountry(country);
	}

	@QueryMapping
	Region region(@Argument String code) {
		return this.geography.region(code);
	}

	@BatchMapping
	Map<Region, List<Municipality>> municipalities(List<Region> regions) {
		var byRegion = this.geography.municipalitiesOfRegions(BatchLinks.keys(regions, Region::code));
		return BatchLinks.listsByKey(regions, Region::code, byRegion);
	}

}
