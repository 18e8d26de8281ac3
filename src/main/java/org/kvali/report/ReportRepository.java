package org.kvali.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.kvali.sql.Snapshots;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Repository
class ReportRepository {

	/**
	 * A code of a filter that names nothing: its stored spelling in another case, if any, and else what it names
	 * instead ({@code elsewhere}: a region's code among municipalities, an organization's merged into another).
	 */
	record UnknownCode(String argument, String what, String code, String stored, String elsewhere) {
	}

	/** Each activity with the columns of {@code participation_fact} that describe it, and its organizer. */
	private static final String ACTIVITIES = """
			SELECT a.id AS activity_id, a.code AS activity_code, a.kind AS activity_kind, a.start_date,
			       pj.code AS project_code, pg.code AS programme_code, a.venue_municipality_code AS venue_municipality,
			       vm.parent_code AS venue_region, a.organizer_id, oz.code AS organizer_code
			FROM activity a
			JOIN project pj ON pj.id = a.project_id
			JOIN programme pg ON pg.id = pj.programme_id
			LEFT JOIN geo_unit vm ON vm.code = a.venue_municipality_code
			LEFT JOIN organization oz ON oz.id = a.organizer_id""";

	private final JdbcClient jdbc;

	/** One snapshot for statements that make one answer together. */
	private final TransactionTemplate snapshot;

	ReportRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.snapshot = Snapshots.readOnly(transactions);
	}

	/**
	 * The answer's statements in one read-only snapshot: a report's on the SQL path, where the decision whether small
	 * numbers are withheld is a statement of its own beside the counts ({@link ReportService}).
	 */
	<T> T inSnapshot(Supplier<T> answer) {
		return this.snapshot.execute(status -> answer.get());
	}

	/**
	 * The filter's codes that name nothing, of organizations those {@code known} alone, k being {@code represented}
	 * and a partner's organizations {@code own} ({@link ReportSql#unknownCodes}).
	 */
	List<UnknownCode> unknownCodes(ParticipationFilter filter, ReportSql.KnownOrganizations known, int represented,
			Long[] own) {
		var query = ReportSql.unknownCodes(filter, known);
		if (query == null) {
			return List.of();
		}
		return this.jdbc.sql(query.sql())
			.params(ReportSql.conditions(filter).parameters())
			.params(query.trimmed())
			.param("represented", represented)
			.param("own", own)
			.query(UnknownCode.class)
			.list();
	}

	/** As {@link FactIndex#reachesBeyond}, from the stored activities. */
	boolean reachesBeyond(ParticipationFilter filter, Set<Long> organizations) {
		var selected = ReportSql.activityConditions(filter);
		var others = ReportSql.activityConditions(filter)
			.add("(f.organizer_id IS NULL OR f.organizer_id <> ALL(:runBy))", "runBy",
					organizations.toArray(Long[]::new));
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM (" + ACTIVITIES + ") f\n" + others.where() + ")"
				+ "\n    OR NOT EXISTS (SELECT 1 FROM (" + ACTIVITIES + ") f\n" + selected.where() + ")")
			.params(others.parameters())
			.query(Boolean.class)
			.single();
	}

	/** As {@link FactIndex#valuesBeyond}, from the stored activities, each read as a breakdown reads its groups. */
	Set<List<Object>> valuesBeyond(ParticipationFilter filter, Set<Long> organizations, List<Dimension> dimensions,
			Grouping grouping) {
		var conditions = ReportSql.activityConditions(filter)
			.add("(f.organizer_id IS NULL OR f.organizer_id <> ALL(:runBy))", "runBy",
					organizations.toArray(Long[]::new))
			.bind("yearShift", grouping.yearStart() - 1);
		return new HashSet<>(this.jdbc.sql(ReportSql.activityValues(dimensions, ACTIVITIES, conditions))
			.params(conditions.parameters())
			.query((rs, row) -> GroupBuilder.key(values(rs, dimensions, grouping), dimensions))
			.list());
	}

	/**
	 * The month the years begin in of the one programme the filter names, by its programmes or its projects'; 1, the
	 * calendar's, where it names none or several.
	 */
	int yearStart(ParticipationFilter filter) {
		return this.jdbc.sql("""
				SELECT CASE WHEN count(*) = 1 THEN min(year_start) ELSE 1 END FROM programme
				WHERE code = ANY(CAST(:programmes AS text[]))
				   OR id IN (SELECT programme_id FROM project WHERE code = ANY(CAST(:projects AS text[])))""")
			.param("programmes", codes(filter.programmes()))
			.param("projects", codes(filter.projects()))
			.query(Integer.class)
			.single();
	}

	private static String[] codes(List<String> codes) {
		return codes == null ? null : codes.toArray(String[]::new);
	}

	Measures totals(ParticipationFilter filter) {
		var conditions = ReportSql.conditions(filter);
		return this.jdbc.sql(ReportSql.totals(conditions))
			.params(conditions.parameters())
			.query(ReportRepository::measures)
			.single();
	}

	/**
	 * The most filters {@link #totals(List)} asks in one statement: each binds up to 20 parameters, and PostgreSQL
	 * takes 65,535 in one; a series by quarter of many indicators, on the SQL path, failed as an internal error (a
	 * review's). Fewer a statement are planned faster: 3,300 filters of ManyTotalsTest, run alone, took 43.8 s at 1,000
	 * a statement, 28.3 s at 250 and 27.1 s at 100, the service's start included, and in one statement ran past 30 s.
	 */
	static final int FILTERS_A_STATEMENT = 250;

	/**
	 * Totals of several filters, in their order: {@link #FILTERS_A_STATEMENT} in one statement, and the statements in
	 * one snapshot, so that no total counts a change the others do not (a sheet loaded between two of them had been
	 * counted by the later filters only: a review's). In a transaction already, they take its snapshot: that of the
	 * results of a programme, which read theirs in one ({@code IndicatorResults}).
	 */
	List<Measures> totals(List<ParticipationFilter> filters) {
		if (filters.size() <= FILTERS_A_STATEMENT) {
			return totalsAtOnce(filters);
		}
		return this.snapshot.execute(status -> {
			var totals = new ArrayList<Measures>(filters.size());
			for (int from = 0; from < filters.size(); from += FILTERS_A_STATEMENT) {
				int to = Math.min(filters.size(), from + FILTERS_A_STATEMENT);
				totals.addAll(totalsAtOnce(filters.subList(from, to)));
			}
			return totals;
		});
	}

	private List<Measures> totalsAtOnce(List<ParticipationFilter> filters) {
		var parts = new ArrayList<String>();
		var parameters = new java.util.HashMap<String, Object>();
		for (int i = 0; i < filters.size(); i++) {
			var conditions = ReportSql.conditions(filters.get(i)).suffixed(Integer.toString(i));
			parts.add("SELECT " + i + " AS n, " + ReportSql.MEASURES + "\nFROM participation_fact f\n" + conditions.where());
			parameters.putAll(conditions.parameters());
		}
		return this.jdbc.sql(String.join("\nUNION ALL\n", parts) + "\nORDER BY n")
			.params(parameters)
			.query(ReportRepository::measures)
			.list();
	}

	/**
	 * The groups, cut to {@code first}; without {@code first}, {@link TooManyGroups} when there are more than
	 * {@code most}. Periods and ages are grouped as {@code grouping} has them.
	 */
	List<ParticipationGroup> breakdown(ParticipationFilter filter, List<Dimension> by, Grouping grouping,
			List<GroupOrder> orderBy, Integer first, MeasureSet measures, int most) {
		return breakdown(filter, by, grouping, orderBy, first, measures, GroupConditions.NONE, most);
	}

	/** The groups {@code having} holds, cut to {@code first}; {@code most} counts those alone. */
	List<ParticipationGroup> breakdown(ParticipationFilter filter, List<Dimension> by, Grouping grouping,
			List<GroupOrder> orderBy, Integer first, MeasureSet measures, GroupConditions having, int most) {
		var conditions = ReportSql.conditions(filter);
		conditions.bind("yearShift", grouping.yearStart() - 1);
		if (by.contains(Dimension.AGE_GROUP)) {
			conditions.bind("ageGroupStarts", grouping.starts().toArray(Integer[]::new));
		}
		// the total row, then the groups; one more than the most tells that there are too many
		conditions.bind("limit", 1 + (first != null ? first : most + 1));
		var rows = this.jdbc.sql(ReportSql.breakdown(by, orderBy, measures, having, conditions))
			.params(conditions.parameters())
			.query((rs, row) -> new Row(rs.getBoolean("is_total"), values(rs, by, grouping), measures(rs, row)))
			.list();
		if (first == null && rows.size() > most + 1) {
			throw new TooManyGroups(most);
		}
		int total = rows.stream().filter(Row::total).findFirst().orElseThrow().measures().participants();
		var groups = new ArrayList<ParticipationGroup>(rows.size());
		for (var row : rows) {
			if (!row.total()) {
				groups.add(GroupBuilder.group(row.values(), row.measures(), total));
			}
		}
		return groups;
	}

	private record Row(boolean total, Map<Dimension, Object> values, Measures measures) {
	}

	private static Map<Dimension, Object> values(ResultSet rs, List<Dimension> by, Grouping grouping)
			throws SQLException {
		Map<Dimension, Object> values = new EnumMap<>(Dimension.class);
		for (var dimension : by) {
			var value = dimension.isPeriod() ? rs.getObject(dimension.column(), LocalDate.class)
					: rs.getObject(dimension.column());
			// a group of ages as its range, null for unknown ages
			values.put(dimension, dimension == Dimension.AGE_GROUP && value != null
					? grouping.ageGroup(((Number) value).intValue()) : value);
		}
		return values;
	}

	private static Measures measures(ResultSet rs, int row) throws SQLException {
		return new Measures(rs.getInt("participations"), rs.getInt("participants"), nullable(rs, "activities"),
				nullable(rs, "organizations"));
	}

	private static Integer nullable(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}
