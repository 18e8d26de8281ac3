package org.kvali.indicator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.kvali.graphql.NotFoundException;
import org.kvali.graphql.Text;
import org.kvali.indicator.IndicatorEnums.Direction;
import org.kvali.indicator.IndicatorEnums.Level;
import org.kvali.indicator.IndicatorEnums.Measure;
import org.kvali.indicator.IndicatorEnums.Method;
import org.kvali.indicator.IndicatorEnums.Unit;
import org.kvali.report.ParticipationFilter;
import org.kvali.report.Period;
import org.kvali.sql.Conditions;
import org.kvali.sql.WritersQueue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Indicators with their targets: one statement for the indicators, one for all their targets. */
@Repository
class IndicatorRepository {

	private static final String SELECT = """
			SELECT i.id, i.code, pg.code AS programme_code, pj.code AS project_code, pg.start_date, pg.end_date,
			       pg.year_start, pj.start_date AS project_start, pj.end_date AS project_end,
			       i.name, i.name_ka, i.description, i.level, i.unit, i.direction, i.method, i.measure,
			       %s AS filter, %s AS denominator_filter, i.baseline_value, i.baseline_date, i.cumulative,
			       i.latest_value
			FROM indicator i
			JOIN programme pg ON pg.id = i.programme_id
			LEFT JOIN project pj ON pj.id = i.project_id
			""".formatted(counted("i.filter"), counted("i.denominator_filter"));

	/**
	 * A stored filter as counted: an indicator counts its own programme's participation alone, and a project's
	 * indicator its project's, so the programmes (or projects) the filter names, or all when it names none, are
	 * narrowed to the indicator's.
	 */
	private static String counted(String column) {
		return """
				(CASE WHEN pj.code IS NULL THEN %s ELSE %s END)::text""".formatted(narrowed(column, "programmes", "pg.code"),
				narrowed(column, "projects", "pj.code"));
	}

	/** The filter in {@code column} with its list under {@code key} narrowed to the code {@code code}. */
	private static String narrowed(String column, String key, String code) {
		return """
				%1$s || jsonb_build_object('%2$s', CASE WHEN jsonb_typeof(%1$s -> '%2$s') = 'array'
				    THEN (SELECT coalesce(jsonb_agg(c), '[]') FROM jsonb_array_elements(%1$s -> '%2$s') c
				          WHERE c = to_jsonb(%3$s))
				    ELSE jsonb_build_array(%3$s) END)""".formatted(column, key, code);
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	IndicatorRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	List<Indicator> find(String programme, String project, Level level) {
		var conditions = new Conditions().add("pg.code = :programme", "programme", programme)
			.add("pj.code = :project", "project", project)
			.add("i.level = :level", "level", level == null ? null : level.name());
		var indicators = this.jdbc.sql(SELECT + conditions.where()
				+ "\nORDER BY array_position(ARRAY['IMPACT', 'OUTCOME', 'OUTPUT'], i.level), i.code")
			.params(conditions.parameters())
			.query(IndicatorRepository::indicator)
			.list();
		return withTargets(indicators);
	}

	List<Indicator> byCodes(Collection<String> codes) {
		return withTargets(this.jdbc.sql(SELECT + "WHERE i.code = ANY(:codes)")
			.param("codes", codes.toArray(String[]::new))
			.query(IndicatorRepository::indicator)
			.list());
	}

	/** The indicator of this code; else NOT_FOUND for {@code argument}, with the code as stored in another case. */
	Indicator named(String argument, String code) {
		return byCodes(List.of(code)).stream()
			.findFirst()
			.orElseThrow(() -> NotFoundException.orInAnotherCase("indicator", argument, code, codeInAnotherCase(code)));
	}

	/** An indicator's code as stored, and the code of the programme holding it. */
	record TakenCode(String code, String programme) {
	}

	/** The indicator holding a code in any case, if one does. */
	Optional<TakenCode> taken(String code) {
		return this.jdbc.sql("""
				SELECT i.code, p.code FROM indicator i JOIN programme p ON p.id = i.programme_id
				WHERE lower(i.code) = lower(:code) LIMIT 1""")
			.param("code", code)
			.query((rs, row) -> new TakenCode(rs.getString(1), rs.getString(2)))
			.optional();
	}

	/** The stored spelling of an indicator's code written in another case. */
	Optional<String> codeInAnotherCase(String code) {
		return this.jdbc.sql("SELECT code FROM indicator WHERE lower(code) = lower(:code) LIMIT 1")
			.param("code", Text.trim(code))
			.query(String.class)
			.optional();
	}

	/** How many values were reported for the indicator, corrections counted. */
	int valuesReported(long indicatorId) {
		return this.jdbc.sql("SELECT count(*) FROM indicator_value WHERE indicator_id = :id")
			.param("id", indicatorId)
			.query(Integer.class)
			.single();
	}

	/** Every reported value of the indicator, newest first, with whether it is its period's current one. */
	List<ReportedValue> reportedValues(long indicatorId) {
		return reportedValues(List.of(indicatorId)).getOrDefault(indicatorId, List.of());
	}

	/** Every reported value of the indicators, newest first, with whether it is its period's current one. */
	Map<Long, List<ReportedValue>> reportedValues(Collection<Long> indicatorIds) {
		return this.jdbc.sql("""
				SELECT indicator_id, period_key, period_start, period_end, value::float8 AS value, comment, evidence_url,
				       reported_by, reported_for, reported_at,
				       row_number() OVER (PARTITION BY indicator_id, period_key, dimension, dimension_value
				                          ORDER BY reported_at DESC, id DESC) = 1 AS current,
				       dimension, dimension_value, withdrawn
				FROM indicator_value WHERE indicator_id = ANY(:ids)
				ORDER BY reported_at DESC, id DESC""")
			.param("ids", indicatorIds.toArray(Long[]::new))
			.query(IndicatorRepository::reportedValue)
			.list()
			.stream()
			.collect(Collectors.groupingBy(ReportedValue::indicatorId));
	}

	/**
	 * Waits for the writers' queue and holds it until this transaction ends: the programme's dates and the values a
	 * report is checked against are then those it is stored with (a move of the programme, another report of the
	 * indicator, waits too).
	 */
	void queueWriters() {
		WritersQueue.join(this.jdbc);
	}

	/**
	 * The codes of the organizations the period's current value for the same group was reported for, when it was
	 * reported for none of {@code organizations}; empty when there is no value (none, or one withdrawn: as if never
	 * reported), or one of theirs.
	 */
	Optional<List<String>> othersValue(long indicatorId, String periodKey, String dimension,
			String dimensionValue, Collection<Long> organizations) {
		return this.jdbc.sql("""
				SELECT ARRAY(SELECT o.code FROM organization o WHERE o.id = ANY(v.reported_for) ORDER BY o.code)
				FROM (SELECT reported_for, withdrawn FROM indicator_value
				      WHERE indicator_id = :indicator AND period_key = :key
				        AND dimension IS NOT DISTINCT FROM :dimension AND dimension_value IS NOT DISTINCT FROM :dimensionValue
				      ORDER BY reported_at DESC, id DESC LIMIT 1) v
				WHERE NOT v.withdrawn AND NOT v.reported_for && CAST(:organizations AS bigint[])""")
			.param("indicator", indicatorId).param("key", periodKey).param("dimension", dimension)
			.param("dimensionValue", dimensionValue).param("organizations", organizations.toArray(Long[]::new))
			.query((rs, row) -> List.of((String[]) rs.getArray(1).getArray()))
			.optional();
	}

	/**
	 * Another period of the indicator, overlapping this one, whose current value for the same group (the whole, a
	 * gender or a region) is not withdrawn: a year beside one of its quarters, or a quarter beside its year.
	 */
	Optional<String> overlappingPeriod(long indicatorId, Period period, String dimension,
			String dimensionValue) {
		return this.jdbc.sql("""
				SELECT period_key FROM (
				    SELECT DISTINCT ON (period_key) period_key, period_start, withdrawn FROM indicator_value
				    WHERE indicator_id = :indicator AND period_key <> :key AND period_start <= :end AND period_end >= :start
				      AND dimension IS NOT DISTINCT FROM :dimension AND dimension_value IS NOT DISTINCT FROM :dimensionValue
				    ORDER BY period_key, reported_at DESC, id DESC) current
				WHERE NOT withdrawn
				ORDER BY period_start LIMIT 1""")
			.param("indicator", indicatorId).param("key", period.key()).param("start", period.start())
			.param("end", period.end()).param("dimension", dimension).param("dimensionValue", dimensionValue)
			.query(String.class)
			.optional();
	}

	/** Stores a value reported, or the withdrawal of one ({@code withdrawn}, of value 0). */
	ReportedValue report(long indicatorId, Period period, double value, String comment,
			String evidenceUrl, String reportedBy, Collection<Long> reportedFor, String dimension,
			String dimensionValue, boolean withdrawn) {
		long id = this.jdbc.sql("""
				INSERT INTO indicator_value (indicator_id, period_key, period_start, period_end, value, comment,
				                             evidence_url, reported_by, reported_for, dimension, dimension_value,
				                             withdrawn)
				VALUES (:indicator, :key, :start, :end, :value, :comment, :evidence, :by, :for, :dimension,
				        :dimensionValue, :withdrawn)
				RETURNING id""")
			.param("indicator", indicatorId).param("key", period.key()).param("start", period.start())
			.param("end", period.end()).param("value", value).param("comment", comment)
			.param("evidence", evidenceUrl).param("by", reportedBy).param("for", reportedFor.toArray(Long[]::new))
			.param("dimension", dimension).param("dimensionValue", dimensionValue).param("withdrawn", withdrawn)
			.query(Long.class).single();
		return this.jdbc.sql("""
				SELECT indicator_id, period_key, period_start, period_end, value::float8 AS value, comment, evidence_url,
				       reported_by, reported_for, reported_at, true AS current, dimension, dimension_value, withdrawn
				FROM indicator_value WHERE id = :id""").param("id", id).query(IndicatorRepository::reportedValue).single();
	}

	private static ReportedValue reportedValue(ResultSet rs, int row) throws SQLException {
		return new ReportedValue(rs.getLong("indicator_id"), rs.getString("period_key"),
				rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
				rs.getDouble("value"), rs.getString("comment"), rs.getString("evidence_url"), rs.getString("reported_by"),
				List.of((Long[]) rs.getArray("reported_for").getArray()),
				rs.getObject("reported_at", OffsetDateTime.class), rs.getBoolean("current"), rs.getString("dimension"),
				rs.getString("dimension_value"), rs.getBoolean("withdrawn"));
	}

	private List<Indicator> withTargets(List<Indicator> indicators) {
		if (indicators.isEmpty()) {
			return indicators;
		}
		Map<Long, List<Indicator.Target>> targets = this.jdbc.sql("""
				SELECT indicator_id, period_key, period_start, period_end, value FROM indicator_target
				WHERE indicator_id = ANY(:ids) ORDER BY period_start, period_end""")
			.param("ids", indicators.stream().map(Indicator::id).toArray(Long[]::new))
			.query((rs, row) -> Map.entry(rs.getLong(1), new Indicator.Target(rs.getString(2),
					rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getDouble(5))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return indicators.stream()
			.map(i -> withinDenominator(i).withTargets(targets.getOrDefault(i.id(), List.of())))
			.toList();
	}

	/**
	 * A share counts in its numerator only the participations its denominator counts too, so that it lies between 0
	 * and 100: a numerator of women trainees over a denominator of trainees of one region counted the women of every
	 * region, 118 %.
	 */
	private Indicator withinDenominator(Indicator indicator) {
		if (indicator.filter() == null || indicator.denominatorFilter() == null) {
			return indicator;
		}
		var numerator = this.json.readValue(indicator.filter(), ParticipationFilter.class)
			.and(this.json.readValue(indicator.denominatorFilter(), ParticipationFilter.class));
		return indicator.withFilters(this.json.writeValueAsString(numerator), indicator.denominatorFilter());
	}

	private static Indicator indicator(ResultSet rs, int row) throws SQLException {
		var measure = rs.getString("measure");
		return new Indicator(rs.getLong("id"), rs.getString("code"), rs.getString("programme_code"),
				rs.getString("project_code"), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), rs.getInt("year_start"),
				rs.getObject("project_start", LocalDate.class), rs.getObject("project_end", LocalDate.class),
				rs.getString("name"),
				rs.getString("name_ka"),
				rs.getString("description"), Level.valueOf(rs.getString("level")), Unit.valueOf(rs.getString("unit")),
				Direction.valueOf(rs.getString("direction")), Method.valueOf(rs.getString("method")),
				measure == null ? null : Measure.valueOf(measure), rs.getString("filter"),
				rs.getString("denominator_filter"),
				rs.getBigDecimal("baseline_value") == null ? null : rs.getBigDecimal("baseline_value").doubleValue(),
				rs.getObject("baseline_date", LocalDate.class), rs.getBoolean("cumulative"),
				rs.getBoolean("latest_value"), List.of());
	}

}
