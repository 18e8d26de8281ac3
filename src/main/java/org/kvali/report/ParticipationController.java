package org.kvali.report;

import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.kvali.graphql.DateRange;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class ParticipationController {

	private final ReportService reports;

	ParticipationController(ReportService reports) {
		this.reports = reports;
	}

	@QueryMapping
	ParticipationReport participation(@Argument ParticipationFilter filter) {
		// here and not in the service, whose callers narrow filters to periods, which may then select nothing
		if (filter != null) {
			DateRange.requireOrdered("filter.to", filter.from(), filter.to());
		}
		return this.reports.report(filter);
	}

	@SchemaMapping(typeName = "ParticipationReport")
	ShownMeasures totals(ParticipationReport report) {
		return this.reports.shownTotals(report);
	}

	@SchemaMapping(typeName = "ParticipationReport")
	List<ParticipationGroup> breakdown(ParticipationReport report, @Argument List<Dimension> by,
			@Argument Integer yearStart, @Argument List<Integer> ageGroupStarts, @Argument List<GroupOrder> orderBy,
			@Argument Integer first, @Argument Integer offset, @Argument GroupConditions having,
			DataFetchingFieldSelectionSet selection) {
		// distinct activities and organizations cost a set per group: counted only when asked for
		var measures = new MeasureSet(selection.contains("activities"), selection.contains("organizations"));
		return this.reports.shownPage(report, by, this.reports.grouping(report, by, yearStart, ageGroupStarts),
				orderBy, first, offset == null ? 0 : offset, measures, GroupConditions.of(having));
	}

	@SchemaMapping(typeName = "ParticipationReport")
	boolean withheld(ParticipationReport report, @Argument List<Dimension> by, @Argument Integer yearStart,
			@Argument List<Integer> ageGroupStarts) {
		return this.reports.withheld(report, by, this.reports.grouping(report, by, yearStart, ageGroupStarts));
	}

}
