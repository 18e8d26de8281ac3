package org.kvali.indicator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

import org.kvali.graphql.BatchLinks;
import org.kvali.graphql.ExplicitNulls;
import org.kvali.graphql.NotFoundException;
import org.kvali.indicator.IndicatorEnums.Granularity;
import org.kvali.indicator.IndicatorEnums.Level;
import org.kvali.indicator.IndicatorEnums.Status;
import org.kvali.programme.Programme;
import org.kvali.programme.ProgrammeService;
import org.kvali.programme.Project;
import org.kvali.report.Dimension;
import org.kvali.report.ParticipationFilter;
import org.kvali.time.Today;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class IndicatorController {

	private final IndicatorRepository indicators;

	private final ProgrammeService programmes;

	private final IndicatorEditor editor;

	private final IndicatorSeries series;

	private final PeriodCells cells;

	private final IndicatorDefinitions definitions;

	private final IndicatorTargets targets;

	private final IndicatorDeletion deletion;

	IndicatorController(IndicatorRepository indicators, ProgrammeService programmes, IndicatorEditor editor,
			IndicatorSeries series, PeriodCells cells, IndicatorDefinitions definitions,
			IndicatorTargets targets, IndicatorDeletion deletion) {
		this.definitions = definitions;
		this.targets = targets;
		this.deletion = deletion;
		this.indicators = indicators;
		this.programmes = programmes;
		this.editor = editor;
		this.series = series;
		this.cells = cells;
	}

	@SchemaMapping
	List<IndicatorDisaggregation.Group> disaggregate(Indicator indicator, @Argument List<Dimension> by,
			@Argument List<Integer> ageGroupStarts, @Argument String period,
			@ContextValue(Today.CONTEXT_KEY) LocalDate today) {
		var asked = period == null ? null : IndicatorWindows.period(indicator, period);
		var window = asked == null ? IndicatorValues.Key.toDate(indicator, today)
				: IndicatorWindows.window(indicator, asked, null, today);
		return this.cells.groups(indicator, new IndicatorSplit(by, ageGroupStarts), window, asked);
	}

	@MutationMapping
	Indicator createIndicator(@Argument IndicatorDefinitions.CreateInput input) {
		return this.definitions.create(input);
	}

	@MutationMapping
	Indicator updateIndicator(@Argument String code, @Argument IndicatorDefinitions.UpdateInput input,
			DataFetchingEnvironment environment) {
		return this.definitions.update(code, input, ExplicitNulls.of(environment, "input"));
	}

	@MutationMapping
	String deleteIndicator(@Argument String code, @Argument boolean discardReportedValues) {
		return this.deletion.delete(code, discardReportedValues);
	}

	@MutationMapping
	Indicator setIndicatorTargets(@Argument String code, @Argument List<IndicatorTargets.TargetInput> targets) {
		return this.targets.setTargets(code, targets);
	}

	@MutationMapping
	ReportedValue reportIndicatorValue(@Argument IndicatorEditor.ReportInput input,
			@ContextValue(Today.CONTEXT_KEY) LocalDate today) {
		return this.editor.report(input, today);
	}

	@MutationMapping
	ReportedValue withdrawIndicatorValue(@Argument IndicatorEditor.WithdrawInput input,
			@ContextValue(Today.CONTEXT_KEY) LocalDate today) {
		return this.editor.withdraw(input, today);
	}

	@BatchMapping
	Map<Indicator, List<ReportedValue>> reportedValues(List<Indicator> indicators) {
		var values = this.indicators.reportedValues(BatchLinks.keys(indicators, Indicator::id));
		return BatchLinks.listsByKey(indicators, Indicator::id, values);
	}

	@QueryMapping
	List<Indicator> indicators(@Argument String programme, @Argument String project, @Argument Level level) {
		var named = programme == null ? null : this.programmes.programme("programme", programme);
		var itsProject = project == null ? null : this.programmes.project("project", project);
		if (named != null && itsProject != null && itsProject.programmeId() != named.id()) {
			// the project of another programme has no indicators of this one: an empty list told nothing of why
			throw NotFoundException.explained("project", project, "No project of programme " + named.code()
					+ " has the code '" + project + "'");
		}
		return this.indicators.find(programme, project, level);
	}

	@QueryMapping
	Indicator indicator(@Argument String code) {
		return this.indicators.named("code", code);
	}

	@SchemaMapping
	ParticipationFilter filter(Indicator indicator) {
		return this.definitions.countedFilter(indicator.filter());
	}

	@SchemaMapping
	ParticipationFilter denominatorFilter(Indicator indicator) {
		return indicator.unit() == IndicatorEnums.Unit.PERCENT
				? this.definitions.countedFilter(indicator.denominatorFilter()) : null;
	}

	@SchemaMapping
	Indicator.Baseline baseline(Indicator indicator) {
		return indicator.baseline();
	}

	@SchemaMapping
	IndicatorEnums.Aggregation aggregation(Indicator indicator) {
		return indicator.aggregation();
	}

	@BatchMapping
	Map<Indicator, Programme> programme(List<Indicator> indicators) {
		var byCode = this.programmes.programmesByCode(BatchLinks.keys(indicators, Indicator::programmeCode));
		return BatchLinks.byKey(indicators, Indicator::programmeCode, byCode);
	}

	@BatchMapping
	Map<Indicator, Project> project(List<Indicator> indicators) {
		var byCode = this.programmes.projectsByCode(BatchLinks.keys(indicators, Indicator::projectCode));
		return BatchLinks.byKey(indicators, Indicator::projectCode, byCode);
	}

	@SchemaMapping
	CompletableFuture<Double> actual(Indicator indicator, @Argument String period,
			@ContextValue(Today.CONTEXT_KEY) LocalDate today, DataLoader<IndicatorValues.Key, Double> indicatorValues) {
		if (period == null) {
			return indicatorValues.load(IndicatorValues.Key.toDate(indicator, today));
		}
		var asked = IndicatorWindows.period(indicator, period);
		return indicatorValues.load(IndicatorWindows.window(indicator, asked, null, today));
	}

	@SchemaMapping
	CompletableFuture<Double> progress(Indicator indicator, @Argument String period,
			@ContextValue(Today.CONTEXT_KEY) LocalDate today, DataLoader<IndicatorValues.Key, Double> indicatorValues) {
		// the target the series gives the period: a cumulative indicator's year's at its fourth quarter (a quarterly
		// report was shown the target and no progress: a tester's)
		var asked = IndicatorWindows.period(indicator, period);
		var target = IndicatorStatus.target(indicator, asked);
		if (target == null) {
			// no target, no progress: a month's, say, whose actual need not be counted
			return CompletableFuture.completedFuture(null);
		}
		return indicatorValues.load(IndicatorWindows.window(indicator, asked, null, today))
			.thenApply(actual -> Progress.of(actual, indicator.baselineValue(), target.value(),
					indicator.direction()));
	}

	@SchemaMapping
	CompletableFuture<Status> status(Indicator indicator, @Argument LocalDate asOf,
			@ContextValue(Today.CONTEXT_KEY) LocalDate today, DataLoader<IndicatorValues.Key, Double> indicatorValues) {
		return this.series.current(indicator, asOf, today, indicatorValues).thenApply(point -> point == null ? null
				: point.status());
	}

	/** The point of the target period that {@code status} judges on the day ({@link IndicatorSeries#current}). */
	@SchemaMapping
	CompletableFuture<IndicatorPoint> current(Indicator indicator, @Argument LocalDate asOf,
			@ContextValue(Today.CONTEXT_KEY) LocalDate today, DataLoader<IndicatorValues.Key, Double> indicatorValues) {
		return this.series.current(indicator, asOf, today, indicatorValues);
	}

	@SchemaMapping
	CompletableFuture<List<IndicatorPoint>> series(Indicator indicator, @Argument Granularity granularity,
			@ContextValue(Today.CONTEXT_KEY) LocalDate today, DataLoader<IndicatorValues.Key, Double> indicatorValues) {
		return this.series.of(indicator, granularity == null ? Granularity.YEAR : granularity, today,
				indicatorValues);
	}

}
