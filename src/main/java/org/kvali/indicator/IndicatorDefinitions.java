package org.kvali.indicator;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.kvali.access.Access;
import org.kvali.access.Caller;
import org.kvali.access.Role;
import org.kvali.graphql.CodeRule;
import org.kvali.graphql.ConflictException;
import org.kvali.graphql.ExplicitNulls;
import org.kvali.graphql.Validation;
import org.kvali.indicator.IndicatorEnums.Aggregation;
import org.kvali.indicator.IndicatorEnums.Direction;
import org.kvali.indicator.IndicatorEnums.Level;
import org.kvali.indicator.IndicatorEnums.Measure;
import org.kvali.indicator.IndicatorEnums.Method;
import org.kvali.indicator.IndicatorEnums.Unit;
import org.kvali.programme.Programme;
import org.kvali.programme.ProgrammeService;
import org.kvali.programme.Project;
import org.kvali.report.ParticipationFilter;
import org.kvali.sql.WritersQueue;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Defines indicators, checking every field first. */
@Service
@Transactional
class IndicatorDefinitions {

	record CreateInput(String code, String programme, String project, String name, String nameKa, String description,
			Level level, Unit unit, Direction direction, Method method, Measure measure, ParticipationFilter filter,
			ParticipationFilter denominatorFilter, Double baseline, LocalDate baselineDate, Boolean cumulative,
			Aggregation aggregation) {

		/**
		 * Whether a reported number's values are levels, the latest of a period's its value (LATEST); a percentage's
		 * always are, and are stored so by its unit.
		 */
		boolean latestValue() {
			return this.method == Method.REPORTED && this.unit == Unit.NUMBER && this.aggregation == Aggregation.LATEST;
		}

	}

	record UpdateInput(String name, String nameKa, String description, Direction direction, Double baseline,
			LocalDate baselineDate, Level level, Unit unit, Measure measure, ParticipationFilter filter,
			ParticipationFilter denominatorFilter, String project, Boolean cumulative, Aggregation aggregation) {
	}

	private final IndicatorRepository indicators;

	private final ProgrammeService programmes;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final CountableFilters countable;

	private final IndicatorRedefinition redefinition;

	IndicatorDefinitions(IndicatorRepository indicators, ProgrammeService programmes, JdbcClient jdbc, JsonMapper json,
			CountableFilters countable, IndicatorRedefinition redefinition) {
		this.redefinition = redefinition;
		this.indicators = indicators;
		this.programmes = programmes;
		this.jdbc = jdbc;
		this.json = json;
		this.countable = countable;
	}

	Indicator create(CreateInput input) {
		Access.require(Role.ADMIN);
		// no deletion or merge of what its filters name comes between their check and the insert
		this.indicators.queueWriters();
		var programme = this.programmes.programmesByCode(List.of(input.programme())).get(input.programme());
		var project = input.project() == null ? null
				: this.programmes.projectsByCode(List.of(input.project())).get(input.project());
		var validation = new Validation().code("input.code", input.code())
			.line("input.name", input.name(), true, 500)
			.line("input.nameKa", input.nameKa(), false, 500)
			.text("input.description", input.description(), false, 5000);
		validation.known("input.programme", "programme", List.of(input.programme()),
				programme == null ? List.of() : List.of(input.programme()), this.programmes::programmeCodeInAnotherCase);
		this.countable.checkProject(input.project(), project, programme == null ? null : programme.id(), validation);
		checkBaseline(input.unit(), input.baseline(), validation);
		datedBaseline(input.baselineDate(), input.baseline(), validation);
		CountableFilters.checkCounting(input, validation);
		checkAggregation(input, validation);
		this.countable.checkFilter("input.filter", input.filter(), validation);
		this.countable.checkFilter("input.denominatorFilter", input.denominatorFilter(), validation);
		validation.check();
		// once every code is known as written: a region in another case is named as stored, not as nothing in common
		if (input.method() == Method.COMPUTED) {
			var countable = new Validation();
			this.countable.check(input, programme, project, countable);
			countable.check();
		}
		// taken in any case; the error names the spelling stored, and another programme holding it (a second
		// programme's logframe numbers its indicators as the first's did: a tester's was told of no indicator it had)
		this.indicators.taken(input.code()).ifPresent(taken -> {
			var suggested = input.programme() + "-" + input.code();
			throw new ConflictException("indicator", "input.code", input.code(), taken.code(),
					taken.programme().equalsIgnoreCase(input.programme()) ? null : "in programme " + taken.programme()
							+ ": an indicator's code is one across programmes; give this one another"
							+ (CodeRule.isCode(suggested) && this.indicators.taken(suggested).isEmpty()
									? ", such as " + suggested : ""));
		});
		try {
			insert(input, programme, project);
		}
		catch (DuplicateKeyException ex) {
			// the same code in another case (changeset 032), or the same code saved at the same moment
			throw new ConflictException("indicator", "input.code", input.code());
		}
		return indicator(input.code());
	}

	private void insert(CreateInput input, Programme programme, Project project) {
		this.jdbc.sql("""
				INSERT INTO indicator (code, programme_id, project_id, name, name_ka, description, level, unit, direction,
				                       method, measure, filter, denominator_filter, baseline_value, baseline_date,
				                       cumulative, latest_value)
				VALUES (:code, :programme, :project, :name, :nameKa, :description, :level, :unit, :direction, :method,
				        :measure, CAST(:filter AS jsonb), CAST(:denominator AS jsonb), :baseline, :baselineDate,
				        :cumulative, :latestValue)""")
			.param("code", input.code()).param("programme", programme.id())
			.param("project", project == null ? null : project.id()).param("name", input.name())
			.param("nameKa", input.nameKa()).param("description", input.description())
			.param("level", input.level().name()).param("unit", input.unit().name())
			.param("direction", (input.direction() == null ? Direction.HIGHER_IS_BETTER : input.direction()).name())
			.param("method", input.method().name()).param("measure", input.measure() == null ? null : input.measure().name())
			.param("filter", input.filter() == null ? null : this.json.writeValueAsString(input.filter()))
			.param("denominator", input.denominatorFilter() == null ? null
					: this.json.writeValueAsString(input.denominatorFilter()))
			.param("baseline", input.baseline()).param("baselineDate", input.baselineDate())
			.param("cumulative", input.cumulative() == null || input.cumulative())
			.param("latestValue", input.latestValue())
			.update();
	}

	/**
	 * How the values of a reported indicator make a period's: a computed one counts participation and takes no
	 * aggregation, and a percentage is never added up. Of a new definition, or of one as an update leaves it.
	 */
	static void checkAggregation(CreateInput input, Validation validation) {
		if (input.aggregation() == null) {
			return;
		}
		if (input.method() == Method.COMPUTED) {
			validation.problem("input.aggregation", input.aggregation(), "A computed indicator counts participation "
					+ "over each period; aggregation is how the values partners report are combined: leave it out");
		}
		else if (input.unit() == Unit.PERCENT && input.aggregation() == Aggregation.SUM) {
			validation.problem("input.aggregation", input.aggregation(), "Percentages are not added up: a percent "
					+ "indicator's value for a period is the latest reported within it (LATEST)");
		}
	}

	private static void checkBaseline(Unit unit, Double baseline, Validation validation) {
		if (baseline != null) {
			IndicatorWindows.checkValue(unit, "input.baseline", baseline, "A baseline", validation);
		}
	}

	/**
	 * A baseline's date goes with its value: given alone, it was stored and shown with no baseline, until a later value
	 * brought it back unasked.
	 */
	private static void datedBaseline(LocalDate date, Double baseline, Validation validation) {
		if (date != null && baseline == null) {
			validation.problem("input.baselineDate", date, "A baseline's date goes with its value; give baseline too");
		}
	}

	/**
	 * Changes the fields given; of those given as null, clears the Georgian name, description, baseline (with its
	 * date, which is shown with a value alone), baseline date, denominator and project. A change of what it counts is
	 * checked as a new definition is ({@link IndicatorRedefinition}).
	 */
	Indicator update(String code, UpdateInput input, Set<String> nulls) {
		Access.require(Role.ADMIN);
		boolean noBaseline = nulls.contains("baseline");
		boolean baselineGiven = input.baseline() != null || noBaseline;
		boolean redefines = IndicatorRedefinition.asked(input, nulls);
		if (baselineGiven || input.baselineDate() != null || input.direction() != null || redefines) {
			// the targets checked are those at the write: no new target comes between; nor the deletion or merge of
			// what a new filter names, nor a value reported in the old unit; nor the removal of the baseline a date
			// is given to (a review's: the database's check refused it, told as an internal error)
			WritersQueue.join(this.jdbc);
		}
		var stored = indicator(code);
		var baseline = noBaseline ? null : input.baseline() != null ? input.baseline() : stored.baselineValue();
		var validation = new Validation().lineToKeep("input.name", input.name(), 500)
			.line("input.nameKa", input.nameKa(), false, 500)
			.text("input.description", input.description(), false, 5000);
		ExplicitNulls.refuse(nulls, validation, "name", "direction", "level", "unit", "measure", "filter",
				"cumulative", "aggregation");
		checkBaseline(input.unit() != null ? input.unit() : stored.unit(), input.baseline(), validation);
		datedBaseline(input.baselineDate(), baseline, validation);
		// only a new baseline or direction is held to the targets: a rename of an indicator stored before the rule is not
		if ((baselineGiven || input.direction() != null) && !validation.refused("input.baseline")) {
			TargetSides.checkStored(stored, input, baseline, baselineGiven, validation);
		}
		var proposed = redefines ? this.redefinition.proposed(stored, input, nulls, validation) : null;
		validation.check();
		if (proposed != null) {
			this.redefinition.write(stored, proposed, input, nulls);
		}
		this.jdbc.sql("""
				UPDATE indicator SET name = coalesce(:name, name),
				       name_ka = CASE WHEN :noNameKa THEN NULL ELSE coalesce(:nameKa, name_ka) END,
				       description = CASE WHEN :noDescription THEN NULL ELSE coalesce(:description, description) END,
				       direction = coalesce(:direction, direction),
				       baseline_value = CASE WHEN :noBaseline THEN NULL ELSE coalesce(:baseline, baseline_value) END,
				       baseline_date = CASE WHEN :noBaselineDate THEN NULL
				                            ELSE coalesce(:baselineDate, baseline_date) END
				WHERE id = :id""")
			.param("noNameKa", nulls.contains("nameKa")).param("noDescription", nulls.contains("description"))
			.param("noBaseline", noBaseline).param("noBaselineDate", noBaseline || nulls.contains("baselineDate"))
			.param("id", stored.id()).param("name", input.name()).param("nameKa", input.nameKa())
			.param("description", input.description())
			.param("direction", input.direction() == null ? null : input.direction().name())
			.param("baseline", input.baseline()).param("baselineDate", input.baselineDate())
			.update();
		return indicator(code);
	}

	private Indicator indicator(String code) {
		return this.indicators.named("code", code);
	}

	/**
	 * A filter as stored, for ADMIN and ANALYST, who see every figure and can ask them again by it; null to others,
	 * whose figures are suppressed (a filter may name what they are not told of), and where none is stored.
	 */
	ParticipationFilter countedFilter(String stored) {
		return stored == null || !Caller.current().is(Role.ADMIN, Role.ANALYST) ? null
				: this.json.readValue(stored, ParticipationFilter.class);
	}

}
