package org.kvali.report;

import java.util.List;

import graphql.analysis.FieldComplexityEnvironment;

import org.kvali.activity.ActivityKind;
import org.kvali.graphql.Dates;
import org.kvali.graphql.ListSizes;
import org.kvali.organization.OrganizationKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The most groups a breakdown (or an indicator's disaggregation) by its {@code by} can have: the product of its
 * dimensions' numbers of values, unknown included, at most {@link ReportService#MAX_FIRST}. Codes of projects,
 * organizations and activities are not counted: any of them may have the most.
 */
@Component
class BreakdownSizes implements ListSizes {

	/** The years a date may have. */
	private static final int YEARS = Dates.LAST_YEAR - Dates.FIRST_YEAR + 1;

	private final int regions;

	private final int municipalities;

	/** Reads the numbers of regions and municipalities, which no request changes, before any document is weighed. */
	BreakdownSizes(JdbcClient jdbc) {
		var counts = jdbc.sql("""
				SELECT count(*) FILTER (WHERE level = 'REGION'), count(*) FILTER (WHERE level = 'MUNICIPALITY')
				FROM geo_unit""").query((rs, row) -> new int[] { rs.getInt(1), rs.getInt(2) }).single();
		this.regions = counts[0];
		this.municipalities = counts[1];
	}

	@Override
	public Integer most(FieldComplexityEnvironment field) {
		var type = field.getParentType().getName();
		var name = field.getField().getName();
		if (!("ParticipationReport".equals(type) && ("breakdown".equals(name) || "withheld".equals(name))
				|| "Indicator".equals(type) && "disaggregate".equals(name))
				|| !(field.getArguments().get("by") instanceof List<?> by)) {
			return null;
		}
		// groups of ages: those the starts begin and the unknown; a list longer than allowed is refused anyway
		int ageGroups = field.getArguments().get("ageGroupStarts") instanceof List<?> starts
				? Math.min(starts.size(), AgeGroups.MOST_STARTS) + 2 : 2;
		long most = 1;
		for (var dimension : by) {
			most = Math.min(ReportService.MAX_FIRST,
					most * values(Dimension.valueOf(String.valueOf(dimension)), ageGroups));
		}
		return (int) most;
	}

	private long values(Dimension dimension, int ageGroups) {
		return switch (dimension) {
			case GENDER -> Gender.values().length + 1;
			case AGE_BAND -> AgeBand.values().length;
			case AGE_GROUP -> ageGroups;
			case DISABILITY -> 3;
			case ACTIVITY_KIND -> ActivityKind.values().length;
			case ROLE -> ParticipationRole.values().length;
			case ORGANIZATION_KIND -> OrganizationKind.values().length + 1;
			case REGION, VENUE_REGION -> this.regions + 1;
			case MUNICIPALITY, VENUE_MUNICIPALITY -> this.municipalities + 1;
			case YEAR -> YEARS;
			case QUARTER -> 4 * YEARS;
			case MONTH -> 12 * YEARS;
			case PROGRAMME, PROJECT, ORGANIZATION, ORGANIZER, ACTIVITY -> ReportService.MAX_FIRST;
		};
	}

}
