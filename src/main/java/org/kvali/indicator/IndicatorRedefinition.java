package org.kvali.indicator;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.kvali.graphql.Validation;
import org.kvali.indicator.IndicatorEnums.Method;
import org.kvali.programme.Project;
import org.kvali.report.ParticipationFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an indicator counts, changed by {@code updateIndicator}: its level, unit, measure, filters, project and
 * whether it is cumulative. Nothing of its figures is stored but targets, baseline and reported values, so a new
 * filter or project counts anew for every period at once; a new unit is taken only where none of them is of the old.
 */
@Component
class IndicatorRedefinition {

	/** The fields of UpdateIndicatorInput that change what an indicator counts. */
	private static final Set<String> FIELDS = Set.of("level", "unit", "measure", "filter", "denominatorFilter",
			"project", "cumulative");

	/** The filters as stored, not narrowed to the indicator's programme or project, and its programme. */
	private record Raw(String filter, String denominatorFilter, long programmeId) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	IndicatorRedefinition(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Whether the update changes what the indicator counts: one of its fields given, or given as null. */
	static boolean asked(IndicatorDefinitions.UpdateInput input, Set<String> nulls) {
		return input.level() != null || input.unit() != null || input.measure() != null || input.filter() != null
				|| input.denominatorFilter() != null || input.project() != null || input.cumulative() != null
				|| nulls.stream().anyMatch(FIELDS::contains);
	}

	/**
	 * The indicator as the update would leave it, as {@code createIndicator} would be given it, for the checks of a
	 * new definition; the problems of the fields the update gives that a new indicator cannot have are told in
	 * {@code validation}: measure or filters for a reported indicator, a project of another programme, a unit of
	 * which its targets, baseline or reported values are not.
	 */
	IndicatorDefinitions.CreateInput proposed(Indicator stored, IndicatorDefinitions.UpdateInput input, Set<String> nulls,
			Project project, Validation validation) {
		var raw = this.jdbc.sql("""
				SELECT filter::text, denominator_filter::text, programme_id FROM indicator WHERE id = :id""")
			.param("id", stored.id())
			.query((rs, row) -> new Raw(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.single();
		var counting = input.measure() != null ? "measure" : input.filter() != null ? "filter"
				: input.denominatorFilter() != null ? "denominatorFilter" : null;
		if (stored.method() == Method.REPORTED && counting != null) {
			validation.problem("input." + counting, null, "Indicator " + stored.code() + " is reported by partners and"
					+ " takes no measure or filters; its method is not changed: define a computed indicator for it");
		}
		if (input.project() != null && (project == null || project.programmeId() != raw.programmeId())) {
			validation.problem("input.project", input.project(),
					"No project of programme " + stored.programmeCode() + " has this code");
		}
		var unit = input.unit() != null ? input.unit() : stored.unit();
		if (unit != stored.unit()) {
			otherUnit(stored, input, nulls, validation);
		}
		return new IndicatorDefinitions.CreateInput(stored.code(), stored.programmeCode(),
				project == null ? null : project.code(), stored.name(),
				stored.nameKa(), stored.description(), input.level() != null ? input.level() : stored.level(), unit,
				stored.direction(), stored.method(), input.measure() != null ? input.measure() : stored.measure(),
				input.filter() != null ? input.filter() : filter(raw.filter()),
				nulls.contains("denominatorFilter") ? null
						: input.denominatorFilter() != null ? input.denominatorFilter() : filter(raw.denominatorFilter()),
				null, null, input.cumulative() != null ? input.cumulative() : stored.cumulative());
	}

	/** Writes what {@link #proposed} gave, once checked. */
	void write(long id, IndicatorDefinitions.CreateInput proposed, Project project) {
		this.jdbc.sql("""
				UPDATE indicator SET level = :level, unit = :unit, measure = :measure, filter = CAST(:filter AS jsonb),
				       denominator_filter = CAST(:denominator AS jsonb), project_id = :project, cumulative = :cumulative
				WHERE id = :id""")
			.param("id", id).param("level", proposed.level().name()).param("unit", proposed.unit().name())
			.param("measure", proposed.measure() == null ? null : proposed.measure().name())
			.param("filter", json(proposed.filter())).param("denominator", json(proposed.denominatorFilter()))
			.param("project", proposed.project() == null ? null : project.id())
			.param("cumulative", proposed.cumulative())
			.update();
	}

	/**
	 * A count's targets, baseline and values are no percentages, nor the reverse: a unit changes while the indicator
	 * has no targets or reported values, and with a new baseline (or none) where it has one.
	 */
	private void otherUnit(Indicator stored, IndicatorDefinitions.UpdateInput input, Set<String> nulls,
			Validation validation) {
		var was = stored.unit().name().toLowerCase(Locale.ROOT);
		if (!stored.targets().isEmpty()) {
			validation.problem("input.unit", input.unit(), "The indicator's targets ("
					+ stored.targets().stream().map(Indicator.Target::periodKey).limit(3).collect(Collectors.joining(", "))
					+ (stored.targets().size() > 3 ? ", ..." : "") + ") are in " + was + "s; remove them first "
					+ "(setIndicatorTargets with an empty list), then set them anew in the new unit");
		}
		long reported = this.jdbc.sql("SELECT count(*) FROM indicator_value WHERE indicator_id = :id")
			.param("id", stored.id())
			.query(Long.class)
			.single();
		if (reported > 0) {
			validation.problem("input.unit", input.unit(), reported + (reported == 1 ? " value was" : " values were")
					+ " reported for the indicator in " + was + "s, the partners' record, which a new unit would "
					+ "misread: define another indicator for the new unit");
		}
		if (stored.baselineValue() != null && input.baseline() == null && !nulls.contains("baseline")) {
			validation.problem("input.unit", input.unit(), "The indicator's baseline ("
					+ TargetSides.plain(stored.baselineValue()) + ") is in " + was + "s: give a baseline in the new"
					+ " unit with it, or null for none");
		}
	}

	private ParticipationFilter filter(String stored) {
		return stored == null ? null : this.json.readValue(stored, ParticipationFilter.class);
	}

	private String json(ParticipationFilter filter) {
		return filter == null ? null : this.json.writeValueAsString(filter);
	}

}
