package org.kvali.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kvali.graphql.Text;
import org.kvali.organization.TakingPart;
import org.kvali.sql.Conditions;

/**
 * The SQL of the participation report, built from its typed description. Every fragment is a constant of this class
 * or of {@link Dimension}; every value from the request is a bound parameter.
 */
final class ReportSql {

	static final String MEASURES = measures(MeasureSet.ALL);

	// Where a filter's code c is looked for, in each kind's table, %s comparing a row's code: one index look-up per
	// code, by the code or by lower(code). (NOT IN over the table reads all of it for each code once it outgrows
	// work_mem: at 333,392 activities 240 ms for 3 codes and 9.4 s for 300.)
	private static final String PROGRAMMES = "programme x WHERE %s";

	private static final String PROJECTS = "project x WHERE %s";

	private static final String REGIONS = "geo_unit x WHERE %s AND x.level = 'REGION'";

	private static final String MUNICIPALITIES = "geo_unit x WHERE %s AND x.level = 'MUNICIPALITY'";

	private static final String ORGANIZATIONS = "organization x WHERE %s";

	private static final String ACTIVITIES = "activity x WHERE %s";

	/** SQL: the code {@code x.code} is the one given ({@code c}) or it trimmed ({@code t}), in any case. */
	private static final String ANY_CASE = "lower(x.code) IN (lower(c), lower(t))";

	/**
	 * How far years and quarters begin after the calendar's ({@code :yearShift} months after January), as columns
	 * the period dimensions' expressions read: a parameter in them would be one in the select list and another in
	 * the grouping, which PostgreSQL does not take for the same expression.
	 */
	private static final String SHIFTS = "CROSS JOIN (SELECT make_interval(months => CAST(:yearShift AS int)) AS year,"
			+ " make_interval(months => CAST(:yearShift AS int) % 3) AS quarter) shift\n";

	/**
	 * The ages groups of ages after the first begin at ({@code :ageGroupStarts}, ascending), as a column AGE_GROUP's
	 * expression reads for the same reason: {@code width_bucket} numbers an age's group by how many starts are at or
	 * below it, and gives an unknown age none.
	 */
	private static final String AGE_GROUPS = "CROSS JOIN (SELECT CAST(:ageGroupStarts AS int[]) AS starts) ages\n";

	private ReportSql() {
	}

	static Conditions conditions(ParticipationFilter filter) {
		var conditions = activityConditions(filter).addAny("f.region = ANY(:regions)", "regions", filter.regions())
			.addAny("f.municipality = ANY(:municipalities)", "municipalities", filter.municipalities())
			.addAny("f.organization_code = ANY(:organizations)", "organizations", filter.organizations())
			.addAny("f.organization_kind = ANY(:organizationKinds)", "organizationKinds", filter.organizationKinds())
			.addAny("f.gender = ANY(:genders)", "genders", filter.genders())
			.add("f.disability = :disability", "disability", filter.disability())
			.addAny("f.role = ANY(:roles)", "roles", filter.countedRoles())
			.addAnyId("NOT EXISTS (SELECT 1 FROM participation o JOIN activity oa ON oa.id = o.activity_id"
					+ " WHERE o.participant_id = f.participant_id AND oa.organizer_id = ANY(:strangersTo))"
					+ " AND NOT EXISTS (SELECT 1 FROM participant fp WHERE fp.id = f.participant_id"
					+ " AND fp.former_organizers && CAST(:strangersTo AS bigint[]))",
					"strangersTo", filter.strangersTo());
		if (filter.ageBands() != null) {
			var known = filter.ageBands().stream().filter(band -> band != AgeBand.UNKNOWN).map(band -> (long) band.ordinal()).toList();
			var clause = filter.ageBands().contains(AgeBand.UNKNOWN)
					? "(f.age_band = ANY(:ageBands) OR f.age_band IS NULL)" : "f.age_band = ANY(:ageBands)";
			conditions.addAnyId(clause, "ageBands", known);
		}
		if (filter.ages() != null) {
			// a lower bound of 0 leaves out the unknown ages, as any range does; an age below 0 (born after the
			// activity's year, which only rows written around the service's checks hold) is 0, as its band and group
			// take it and the index holds it
			conditions.add("CASE WHEN f.age < 0 THEN 0 ELSE f.age END >= :ageFrom", "ageFrom", filter.ages().lowest())
				.add("f.age <= :ageTo", "ageTo", filter.ages().to());
		}
		return conditions;
	}

	/**
	 * The filter's conditions on what describes an activity alone (programme, project, venue, kind, the activities
	 * named, their organizers, start dates), over columns named as in {@code participation_fact}.
	 */
	static Conditions activityConditions(ParticipationFilter filter) {
		return new Conditions().addAny("f.programme_code = ANY(:programmes)", "programmes", filter.programmes())
			.addAny("f.project_code = ANY(:projects)", "projects", filter.projects())
			.addAny("f.venue_region = ANY(:venueRegions)", "venueRegions", filter.venueRegions())
			.addAny("f.venue_municipality = ANY(:venueMunicipalities)", "venueMunicipalities",
					filter.venueMunicipalities())
			.addAny("f.activity_kind = ANY(:activityKinds)", "activityKinds", filter.activityKinds())
			.addAny("f.activity_code = ANY(:activities)", "activities", filter.activities())
			.addAny("f.activity_id IN (SELECT a.id FROM activity a JOIN organization o ON o.id = a.organizer_id"
					+ " WHERE o.code = ANY(:organizers))", "organizers", filter.organizers())
			.add("f.start_date >= :from", "from", filter.from())
			.add("f.start_date <= :to", "to", filter.to());
	}

	/**
	 * The distinct values of these dimensions of activities over the activities {@code activities} describes (with
	 * columns named as in {@code participation_fact}) that {@code conditions} keep, as a breakdown reads its groups'.
	 */
	static String activityValues(List<Dimension> dimensions, String activities, Conditions conditions) {
		return "SELECT DISTINCT " + String.join(", ", dimensions.stream()
			.map(dimension -> dimension.sql + " AS " + dimension.column())
			.toList()) + "\nFROM (" + activities + ") f\n" + SHIFTS + conditions.where();
	}

	/** The measures' columns; the distinct counts not asked for are null. */
	static String measures(MeasureSet measures) {
		return "count(*) AS participations, count(DISTINCT f.participant_id) AS participants,\n"
				+ (measures.activities() ? "count(DISTINCT f.activity_id)" : "NULL::int") + " AS activities, "
				+ (measures.organizations() ? "count(DISTINCT f.organization_id)" : "NULL::int") + " AS organizations";
	}

	static String totals(Conditions conditions) {
		return "SELECT " + MEASURES + "\nFROM participation_fact f\n" + conditions.where();
	}

	/**
	 * Groups and, in the same statement, the grand total (the empty grouping set) that shares are taken of. The total
	 * row sorts first, so a limit ({@code :limit}) of {@code first + 1} keeps it and the first groups; of the groups,
	 * those {@code having} holds (its bounds bound in {@code conditions}).
	 */
	static String breakdown(List<Dimension> by, List<GroupOrder> orderBy, MeasureSet measures,
			GroupConditions having, Conditions conditions) {
		var select = new ArrayList<String>();
		var grouped = new ArrayList<String>();
		for (var dimension : by) {
			select.add(dimension.sql + " AS " + dimension.column());
			grouped.add(dimension.sql);
		}
		var order = new ArrayList<String>();
		order.add("is_total DESC");
		for (var key : orderBy) {
			var column = key.by().measure != null ? key.by().measure : sortable(key.by().dimension);
			order.add(column + " " + key.direction().name() + " NULLS LAST");
		}
		for (var dimension : by) {
			order.add(sortable(dimension) + " ASC NULLS LAST");
		}
		return "SELECT " + String.join(", ", select) + ",\n" + measures(having.counted(measures)) + ",\nGROUPING("
				+ String.join(", ", grouped) + ") <> 0 AS is_total\nFROM participation_fact f\n" + SHIFTS
				+ (by.contains(Dimension.AGE_GROUP) ? AGE_GROUPS : "") + conditions.where()
				+ "\nGROUP BY GROUPING SETS ((" + String.join(", ", grouped) + "), ())"
				+ having.having(String.join(", ", grouped), conditions) + "\nORDER BY "
				+ String.join(", ", order) + "\nLIMIT :limit";
	}

	/**
	 * The organizations a filter may name: all, for ADMIN and ANALYST; for a DONOR those taking part in some programme
	 * ({@link TakingPart#anywhere}, binding {@code :represented}), as its lists hold them; for a PARTNER those too, and
	 * those represented at an activity its organizations ({@code :own}) run.
	 */
	enum KnownOrganizations {
		ALL, TAKING_PART, TAKING_PART_OR_AT_OWN
	}

	/** Codes sort byte by byte whatever the database's collation, as in the in-memory index. */
	private static String sortable(Dimension dimension) {
		return dimension.isText() ? "(" + dimension.sql + ") COLLATE \"C\"" : dimension.column();
	}

	/**
	 * Finds the codes of a filter that name nothing, as (argument, what, code, stored, elsewhere) rows, in one
	 * statement, in the order of the filter's fields and of the codes within each; {@code stored} is the code as
	 * stored when the filter wrote it in another case (codes are one ignoring case), {@code elsewhere} what it is
	 * instead; organizations are those {@code known}. Null where the filter names no code.
	 */
	static UnknownCodes unknownCodes(ParticipationFilter filter, KnownOrganizations known) {
		// to a donor or partner, an organization it cannot see is none, as organization(code) says: told that it was
		// stored, or how it is written, a donor learnt that someone of a small organization had come
		var organizations = switch (known) {
			case ALL -> ORGANIZATIONS;
			case TAKING_PART -> ORGANIZATIONS + " AND " + TakingPart.anywhere("x.id");
			case TAKING_PART_OR_AT_OWN -> ORGANIZATIONS + " AND (" + TakingPart.anywhere("x.id") + """
					 OR EXISTS (SELECT 1 FROM participation pn JOIN activity a ON a.id = pn.activity_id
					            WHERE pn.organization_id = x.id AND a.organizer_id = ANY(CAST(:own AS bigint[]))))""";
		};
		// to a partner, an activity it cannot list is none, as activity(code) says, unless a breakdown by activity
		// would show it (k people or more): told otherwise, a filter confirmed another partner's one-person activity,
		// and its spelling (a tester's)
		var activities = known != KnownOrganizations.TAKING_PART_OR_AT_OWN ? ACTIVITIES : ACTIVITIES + " " + """
				AND (x.project_id IN (SELECT kvali_own_projects())
				      OR (SELECT count(*) FROM (SELECT DISTINCT pn.participant_id FROM participation pn
				                                WHERE pn.activity_id = x.id LIMIT :represented) r) >= :represented)""";
		// a code of the other level, in any case, with spaces around it too (t, the code trimmed: UnknownCodes#add)
		var municipality = "(SELECT 'it is a municipality''s: give it in {filter}.%s' FROM "
				+ MUNICIPALITIES.formatted(ANY_CASE) + " LIMIT 1)";
		var region = "(SELECT 'it is a region''s: give it in {filter}.%s' FROM "
				+ REGIONS.formatted(ANY_CASE) + " LIMIT 1)";
		// a merged code to callers who see every organization, and to a partner of its own: whether the one merged
		// took part is not kept (a partner was told nothing of its own organization's old code: a tester's)
		var merged = known == KnownOrganizations.TAKING_PART ? "NULL"
				: "(SELECT 'it was merged into ' || x.code || ': give that code' FROM organization_alias al, "
						+ organizations.formatted("x.id = al.organization_id AND lower(al.code) IN (lower(c), lower(t))"
								+ (known == KnownOrganizations.ALL ? "" : " AND x.id = ANY(CAST(:own AS bigint[]))"))
						+ " LIMIT 1)";
		var query = new UnknownCodes();
		// a programme's code among projects, and the other way round (every caller lists both)
		query.add(filter.programmes(), "programmes", "programme", PROGRAMMES, "(SELECT 'it is a project''s: give it"
				+ " in {filter}.projects' FROM " + PROJECTS.formatted(ANY_CASE) + " LIMIT 1)");
		query.add(filter.projects(), "projects", "project", PROJECTS, "(SELECT 'it is a programme''s: give it in"
				+ " {filter}.programmes' FROM " + PROGRAMMES.formatted(ANY_CASE) + " LIMIT 1)");
		query.add(filter.regions(), "regions", "region", REGIONS, municipality.formatted("municipalities"));
		query.add(filter.municipalities(), "municipalities", "municipality", MUNICIPALITIES,
				region.formatted("regions"));
		query.add(filter.venueRegions(), "venueRegions", "region", REGIONS,
				municipality.formatted("venueMunicipalities"));
		query.add(filter.venueMunicipalities(), "venueMunicipalities", "municipality", MUNICIPALITIES,
				region.formatted("venueRegions"));
		query.add(filter.organizations(), "organizations", "organization", organizations, merged);
		query.add(filter.activities(), "activities", "activity", activities, "NULL");
		query.add(filter.organizers(), "organizers", "organization", organizations, merged);
		return query.parts.isEmpty() ? null : query;
	}

	/**
	 * The statement of {@link #unknownCodes}, a part for each field of the filter with codes, and what it binds beside
	 * the filter's conditions: each field's codes without the spaces and invisible characters around each
	 * ({@link Text#trim}), as {@code <field>Trimmed}.
	 */
	static final class UnknownCodes {

		private final List<String> parts = new ArrayList<>();

		private final Map<String, Object> trimmed = new HashMap<>();

		String sql() {
			return "SELECT argument, what, code, stored, elsewhere FROM (\n" + String.join("\nUNION ALL\n", this.parts)
					+ "\n) u ORDER BY part, position";
		}

		Map<String, Object> trimmed() {
			return this.trimmed;
		}

		private void add(List<String> codes, String argument, String what, String known, String elsewhere) {
			if (codes != null && !codes.isEmpty()) {
				// the stored code looked up without the spaces and invisible characters around the code given, too:
				// told to write it without them, " Springfield" named nothing (a tester's)
				this.trimmed.put(argument + "Trimmed", codes.stream().map(Text::trim).toArray(String[]::new));
				this.parts.add(("SELECT 'filter.%1$s' AS argument, '%2$s' AS what, c AS code,"
						+ " (SELECT x.code FROM %4$s LIMIT 1) AS stored, %6$s AS elsewhere, %5$d AS part, position"
						+ " FROM unnest(CAST(:%1$s AS text[]), CAST(:%1$sTrimmed AS text[]))"
						+ " WITH ORDINALITY AS given(c, t, position)"
						+ " WHERE NOT EXISTS (SELECT 1 FROM %3$s)").formatted(argument, what,
								known.formatted("x.code = c"), known.formatted(ANY_CASE),
								this.parts.size(), elsewhere));
			}
		}

	}

}
