package org.kvali.geography;

import graphql.analysis.FieldComplexityEnvironment;

import org.kvali.graphql.ListSizes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many regions and municipalities the geography lists answer, which have no {@code first}: weighed as pages of
 * 10, the nested question "municipalities, their region's municipalities, their region's ..." passed the weight limit
 * and answered 23 MB after 12 s (all 71 municipalities at the top, up to 15 in a region).
 */
@Component
class GeographySizes implements ListSizes {

	private final int regions;

	private final int municipalities;

	private final int mostInARegion;

	/** Reads the numbers, which no request changes, before any document is weighed. */
	GeographySizes(JdbcClient jdbc) {
		var counts = jdbc.sql("""
				SELECT (SELECT count(*) FROM geo_unit WHERE level = 'REGION'),
				       (SELECT count(*) FROM geo_unit WHERE level = 'MUNICIPALITY'),
				       (SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM geo_unit
				                                         WHERE level = 'MUNICIPALITY' GROUP BY parent_code) m)""")
			.query((rs, row) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3) })
			.single();
		this.regions = counts[0];
		this.municipalities = counts[1];
		this.mostInARegion = counts[2];
	}

	@Override
	public Integer most(FieldComplexityEnvironment field) {
		var type = field.getParentType().getName();
		return switch (type + "." + field.getField().getName()) {
			case "Query.regions" -> this.regions;
			case "Query.municipalities" -> field.getArguments().get("region") == null ? this.municipalities
					: this.mostInARegion;
			case "Region.municipalities" -> this.mostInARegion;
			default -> null;
		};
	}

}
