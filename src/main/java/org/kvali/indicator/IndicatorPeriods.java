package org.kvali.indicator;

import java.time.LocalDate;

import org.kvali.graphql.Validation;
import org.kvali.programme.WithinProgramme;
import org.kvali.programme.WithinProject;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The periods of a programme's indicators' targets and reported values lie within its dates, as setIndicatorTargets
 * and reportIndicatorValue hold them: moved past one, the programme would keep it stored but no longer count it, and
 * it could not be set again; a project's indicators', within the project's. They are its years and quarters, which
 * keep them when their first month changes.
 */
@Repository
class IndicatorPeriods implements WithinProgramme, WithinProject {

	/**
	 * The periods that hold a programme's dates and years: its targets', and those of the values reported that count
	 * now (each period's and group's newest, {@link ReportedValue#combined}) but withdrawals: a 0 is a value like any
	 * other, and dates moved past it had left it uncounted without a word (a review's).
	 */
	private static final String HELD = """
			SELECT indicator_id, period_key, period_start, period_end, 'a target' AS what FROM indicator_target
			UNION
			SELECT indicator_id, period_key, period_start, period_end, 'a value reported' FROM (
			    SELECT DISTINCT ON (indicator_id, period_key, dimension, dimension_value) indicator_id, period_key,
			           period_start, period_end, withdrawn
			    FROM indicator_value
			    ORDER BY indicator_id, period_key, dimension, dimension_value, reported_at DESC, id DESC) v
			WHERE NOT withdrawn""";

	private final JdbcClient jdbc;

	IndicatorPeriods(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void checkMove(long programme, LocalDate start, LocalDate end, Validation validation) {
		outside("i.programme_id", programme, start, end, validation);
	}

	/** A project's indicators' periods likewise lie within its dates, as setIndicatorTargets holds them. */
	@Override
	public void checkProjectMove(long project, LocalDate start, LocalDate end, Validation validation) {
		outside("i.project_id", project, start, end, validation);
	}

	/**
	 * Adds a problem to {@code input.project} for each period of the indicator's that would lie outside the project
	 * it is moved into, as {@link #checkProjectMove} holds them.
	 */
	void checkMoveInto(long indicator, String project, LocalDate start, LocalDate end, Validation validation) {
		this.jdbc.sql("""
				SELECT 'Indicator ' || i.code || ' has ' || p.what || ' for ' || p.period_key
				FROM indicator i
				JOIN (%s) p ON p.indicator_id = i.id
				WHERE i.id = :id
				  AND (p.period_end < CAST(:start AS date) OR p.period_start > CAST(:end AS date))
				ORDER BY p.period_start, 1""".formatted(HELD))
			.param("id", indicator)
			.param("start", start)
			.param("end", end)
			.query(String.class)
			.list()
			.forEach(problem -> validation.problem("input.project", project, problem + ", which would lie outside"
					+ " project " + project + " (" + IndicatorWindows.dates(start, end) + ")"));
	}

	/** The periods of the indicators whose {@code owner} column is {@code id} that would lie outside the dates. */
	private void outside(String owner, long id, LocalDate start, LocalDate end, Validation validation) {
		WithinProgramme.problems(this.jdbc, """
				SELECT DISTINCT CASE WHEN p.period_end < CAST(:start AS date) THEN 'input.startDate' ELSE 'input.endDate' END,
				       'Indicator ' || i.code || ' has ' || p.what || ' for ' || p.period_key || ', which would lie outside it'
				FROM indicator i
				JOIN (%s) p ON p.indicator_id = i.id
				WHERE %s = :id
				  AND (p.period_end < CAST(:start AS date) OR p.period_start > CAST(:end AS date))
				ORDER BY 1 DESC, 2""".formatted(HELD, owner), id, start, end, validation);
	}

	@Override
	public void checkYearStart(long programme, int yearStart, Validation validation) {
		// a year or quarter is of the programme's when it begins a whole number of its lengths after yearStart
		this.jdbc.sql("""
				SELECT 'Indicator ' || i.code || ' has ' || p.what || ' for ' || p.period_key
				       || ', which would not be one of its years or quarters'
				FROM indicator i
				JOIN (%s) p ON p.indicator_id = i.id
				WHERE i.programme_id = :id
				  AND (EXTRACT(MONTH FROM p.period_start)::int - :yearStart + 12)
				      %% ((EXTRACT(YEAR FROM p.period_end)::int - EXTRACT(YEAR FROM p.period_start)::int) * 12
				         + EXTRACT(MONTH FROM p.period_end)::int - EXTRACT(MONTH FROM p.period_start)::int + 1) <> 0
				ORDER BY 1""".formatted(HELD))
			.param("id", programme)
			.param("yearStart", yearStart)
			.query(String.class)
			.list()
			.forEach(problem -> validation.problem("input.yearStart", yearStart, problem));
	}

}
