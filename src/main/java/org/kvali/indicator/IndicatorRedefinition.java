package org.kvali.indicator;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.kvali.graphql.FieldProblem;
import org.kvali.graphql.Validation;
import org.kvali.graphql.ValidationException;
import org.kvali.indicator.IndicatorEnums.Method;
import org.kvali.programme.ProgrammeService;
import org.kvali.programme.Project;
import org.kvali.report.ParticipationFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an indicator counts, changed by {@code updateIndicator}: its level, unit, measure, filters, project and
 * whether it is cumulative. Nothing of its figures is stored but targets, baseline and reported values, so a new
 * filter or project counts anew for every period at once; the new definition is checked as a new indicator's is,
 * and a change that would make the stored targets, baseline or values mean something else is taken only where they
 * are restated ({@link TargetMeanings}).
 */
@Component
class IndicatorRedefinition {

	/** The fields of UpdateIndicatorInput that change what an indicator counts. */
	private static final Set<String> FIELDS = Set.of("level", "unit", "measure", "filter", "denominatorFilter",
			"project", "cumulative", "aggregation");

	/** The indicator as the update leaves it, as createIndicator would be given it, and its project. */
	record Proposed(IndicatorDefinitions.CreateInput definition, Project project) {
	}

	/** The filters as stored, not narrowed to the indicator's programme or project, and its programme. */
	private record Raw(String filter, String denominatorFilter, long programmeId) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ProgrammeService programmes;

	private final CountableFilters countable;

	private final TargetMeanings meanings;

	private final IndicatorPeriods periods;

	IndicatorRedefinition(JdbcClient jdbc, JsonMapper json, ProgrammeService programmes, CountableFilters countable,
			TargetMeanings meanings, IndicatorPeriods periods) {
		this.periods = periods;
		this.jdbc = jdbc;
		this.json = json;
		this.programmes = programmes;
		this.countable = countable;
		this.meanings = meanings;
	}

	/** Whether the update changes what the indicator counts: one of its fields given, or given as null. */
	static boolean asked(IndicatorDefinitions.UpdateInput input, Set<String> nulls) {
		return input.level() != null || input.unit() != null || input.measure() != null || input.filter() != null
				|| input.denominatorFilter() != null || input.project() != null || input.cumulative() != null
				|| input.aggregation() != null || nulls.stream().anyMatch(FIELDS::contains);
	}

	/**
	 * The indicator as the update would leave it, its problems told in {@code validation}: those a new indicator's
	 * definition would have (its project as createIndicator names it), measure or filters for a reported indicator,
	 * and stored targets, baseline or values the change would misread.
	 */
	Proposed proposed(Indicator stored, IndicatorDefinitions.UpdateInput input, Set<String> nulls,
			Validation validation) {
		var raw = this.jdbc.sql("""
				SELECT filter::text, denominator_filter::text, programme_id FROM indicator WHERE id = :id""")
			.param("id", stored.id())
			.query((rs, row) -> new Raw(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.single();
		var project = project(stored, input, nulls, raw.programmeId(), validation);
		var counting = input.measure() != null ? "measure" : input.filter() != null ? "filter"
				: input.denominatorFilter() != null ? "denominatorFilter" : null;
		if (stored.method() == Method.REPORTED && counting != null) {
			validation.problem("input." + counting, null, "Indicator " + stored.code() + " is reported by partners and"
					+ " takes no measure or filters; its method is not changed: define a computed indicator for it");
		}
		this.meanings.check(stored, input, nulls, validation);
		var definition = new IndicatorDefinitions.CreateInput(stored.code(), stored.programmeCode(),
				project == null ? null : project.code(), stored.name(), stored.nameKa(), stored.description(),
				input.level() != null ? input.level() : stored.level(),
				input.unit() != null ? input.unit() : stored.unit(), stored.direction(), stored.method(),
				input.measure() != null ? input.measure() : stored.measure(),
				input.filter() != null ? input.filter() : filter(raw.filter()),
				nulls.contains("denominatorFilter") ? null
						: input.denominatorFilter() != null ? input.denominatorFilter() : filter(raw.denominatorFilter()),
				null, null, input.cumulative() != null ? input.cumulative() : stored.cumulative(),
				aggregation(stored, input));
		IndicatorDefinitions.checkAggregation(definition, validation);
		if (stored.method() == Method.COMPUTED) {
			CountableFilters.checkCounting(definition, validation);
			this.countable.checkFilter("input.filter", input.filter(), validation);
			this.countable.checkFilter("input.denominatorFilter", input.denominatorFilter(), validation);
		}
		return new Proposed(definition, project);
	}

	/**
	 * Writes what {@link #proposed} gave, once a new filter or project leaves the indicator something to count, as a
	 * new indicator's must: checked once every code is known, as createIndicator checks it.
	 */
	void write(Indicator stored, Proposed proposed, IndicatorDefinitions.UpdateInput input, Set<String> nulls) {
		boolean newFilter = input.filter() != null || input.denominatorFilter() != null;
		if (stored.method() == Method.COMPUTED && (newFilter || input.project() != null || nulls.contains("project"))) {
			var countable = new Validation();
			this.countable.check(proposed.definition(),
					this.programmes.programme("code", stored.programmeCode()), proposed.project(), countable);
			try {
				countable.check();
			}
			catch (ValidationException ex) {
				throw newFilter ? ex : byProject(ex, proposed);
			}
		}
		var definition = proposed.definition();
		this.jdbc.sql("""
				UPDATE indicator SET level = :level, unit = :unit, measure = :measure, filter = CAST(:filter AS jsonb),
				       denominator_filter = CAST(:denominator AS jsonb), project_id = :project,
				       cumulative = :cumulative, latest_value = :latestValue
				WHERE id = :id""")
			.param("id", stored.id()).param("level", definition.level().name())
			.param("unit", definition.unit().name())
			.param("measure", definition.measure() == null ? null : definition.measure().name())
			.param("filter", json(definition.filter())).param("denominator", json(definition.denominatorFilter()))
			.param("project", proposed.project() == null ? null : proposed.project().id())
			.param("cumulative", definition.cumulative())
			.param("latestValue", definition.latestValue())
			.update();
	}

	/**
	 * The aggregation the update leaves: given, else the stored one, or where the unit changes the new unit's way
	 * (a percentage's latest value, a number's sum).
	 */
	private static IndicatorEnums.Aggregation aggregation(Indicator stored, IndicatorDefinitions.UpdateInput input) {
		if (input.aggregation() != null || stored.method() == Method.COMPUTED) {
			return input.aggregation();
		}
		if (input.unit() != null && input.unit() != stored.unit()) {
			return input.unit() == IndicatorEnums.Unit.PERCENT ? IndicatorEnums.Aggregation.LATEST
					: IndicatorEnums.Aggregation.SUM;
		}
		return stored.aggregation();
	}

	/**
	 * The project the update leaves it of: given, else kept unless cleared. One given is refused as createIndicator
	 * refuses it: unknown (named as stored in another case), or of another programme.
	 */
	private Project project(Indicator stored, IndicatorDefinitions.UpdateInput input, Set<String> nulls,
			long programme, Validation validation) {
		var code = input.project() != null ? input.project() : nulls.contains("project") ? null : stored.projectCode();
		var project = code == null ? null : this.programmes.projectsByCode(List.of(code)).get(code);
		this.countable.checkProject(input.project(), input.project() == null ? null : project, programme, validation);
		// its targets and values lie within the project it moves into, as they are set within it
		if (input.project() != null && project != null && !project.code().equals(stored.projectCode())) {
			this.periods.checkMoveInto(stored.id(), project.code(), project.startDate(), project.endDate(), validation);
		}
		return project;
	}

	/**
	 * A stored filter that leaves nothing to count in the project given (no filter given): told as the project's
	 * problem, which it is, rather than of a filter not sent.
	 */
	private static ValidationException byProject(ValidationException ex, Proposed proposed) {
		return new ValidationException(ex.problems().stream()
			.map(problem -> new FieldProblem("input.project", proposed.definition().project(), problem.message()
					+ " (as its stored " + problem.argument().substring("input.".length()) + " stands: give a new "
					+ problem.argument().split("\\.")[1] + " with the project)"))
			.toList());
	}

	private ParticipationFilter filter(String stored) {
		return stored == null ? null : this.json.readValue(stored, ParticipationFilter.class);
	}

	private String json(ParticipationFilter filter) {
		return filter == null ? null : this.json.writeValueAsString(filter);
	}

}
