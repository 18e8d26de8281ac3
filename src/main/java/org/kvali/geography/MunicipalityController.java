package org.kvali.geography;

import java.util.List;
import java.util.Map;

import org.kvali.graphql.BatchLinks;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class MunicipalityController {

	private final GeographyService geography;

	MunicipalityController(GeographyService geography) {
		this.geography = geography;
	}

	@QueryMapping
	List<Municipality> municipalities(@Argument String region) {
		return this.geography.municipalities(region);
	}

	@QueryMapping
	Municipality municipality(@Argument String code) {
		return this.geography.municipality(code);
	}

	@BatchMapping
	Map<Municipality, Region> region(List<Municipality> municipalities) {
		var regions = this.geography.regionsByCode(BatchLinks.keys(municipalities, Municipality::regionCode));
		return BatchLinks.byKey(municipalities, Municipality::regionCode, regions);
	}

}
