package org.kvali.indicator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.kvali.access.Caller;
import org.kvali.access.Role;
import org.kvali.geography.GeographyService;
import org.kvali.geography.Region;
import org.kvali.graphql.BatchLinks;
import org.kvali.organization.Organization;
import org.kvali.organization.OrganizationService;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The fields of a ReportedValue beyond its record: its region, who reported it and for whom. */
@Controller
class ReportedValueController {

	private final GeographyService geography;

	private final OrganizationService organizations;

	ReportedValueController(GeographyService geography, OrganizationService organizations) {
		this.geography = geography;
		this.organizations = organizations;
	}

	@BatchMapping(typeName = "ReportedValue")
	Map<ReportedValue, Region> region(List<ReportedValue> values) {
		var regions = this.geography.regionsByCode(BatchLinks.keys(values, ReportedValue::regionCode));
		return BatchLinks.byKey(values, ReportedValue::regionCode, regions);
	}

	/** The key or account that reported the value, for ADMIN alone: its name may be a person's. */
	@SchemaMapping(typeName = "ReportedValue")
	String reportedBy(ReportedValue value) {
		return Caller.find().filter(caller -> caller.is(Role.ADMIN)).map(caller -> value.reportedBy()).orElse(null);
	}

	@BatchMapping(typeName = "ReportedValue")
	Map<ReportedValue, List<Organization>> reportedFor(List<ReportedValue> values) {
		var found = this.organizations.organizationsById(
				values.stream().flatMap(value -> value.reportedFor().stream()).distinct().toList());
		var result = new HashMap<ReportedValue, List<Organization>>();
		for (var value : values) {
			result.put(value, value.reportedFor().stream().map(found::get).filter(Objects::nonNull).toList());
		}
		return result;
	}

}
