package org.kvali.activity;

import java.time.LocalDate;

import org.kvali.graphql.Validation;
import org.kvali.programme.WithinProgramme;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The activities a programme's dates hold stay within them when they move: indicators count no activity outside
 * them, so shortening a programme past an 8-person training took it out of every indicator without a word. Those
 * outside already were never counted, and do not stop a move.
 */
@Repository
class ActivityDates implements WithinProgramme {

	private final JdbcClient jdbc;

	ActivityDates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void checkMove(long programme, LocalDate start, LocalDate end, Validation validation) {
		WithinProgramme.problems(this.jdbc, """
				SELECT side, count(*)
				       || CASE WHEN count(*) = 1 THEN ' activity of it starts ' ELSE ' activities of it start ' END
				       || CASE side WHEN 'input.startDate' THEN 'before' ELSE 'after' END || ' it ('
				       || array_to_string((array_agg(code || ' on ' || start_date ORDER BY start_date, code))[1 : 3],
				                          ', ')
				       || CASE WHEN count(*) > 3 THEN ', ...' ELSE '' END
				       || '): its indicators would no longer count their participations; move them first'
				FROM (SELECT CASE WHEN a.start_date < CAST(:start AS date) THEN 'input.startDate'
				                  ELSE 'input.endDate' END AS side, a.code, a.start_date
				      FROM activity a JOIN project p ON p.id = a.project_id JOIN programme g ON g.id = p.programme_id
				      WHERE g.id = :programme
				        AND (a.start_date < CAST(:start AS date) OR a.start_date > CAST(:end AS date))
				        AND a.start_date BETWEEN coalesce(g.start_date, a.start_date)
				                             AND coalesce(g.end_date, a.start_date)) o
				GROUP BY side
				ORDER BY 1 DESC""", programme, start, end, validation);
	}

}
