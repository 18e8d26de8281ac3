package org.kvali.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.kvali.graphql.Text;
import org.kvali.sql.Conditions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ActivityRepository {

	private static final String SELECT = """
			SELECT a.id, a.code, a.project_id, a.kind, a.title, a.title_ka, a.start_date, a.end_date,
			       a.venue_municipality_code, a.venue_name, a.organizer_id, a.topics
			FROM activity a
			LEFT JOIN geo_unit v ON v.code = a.venue_municipality_code
			""";

	private final JdbcClient jdbc;

	ActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A page ordered by start date and code, after the row with the given keys when they are not null. */
	List<Activity> page(ActivityScope scope, LocalDate afterDate, String afterCode, int limit) {
		var conditions = conditions(scope);
		if (afterDate != null) {
			conditions.add("(a.start_date, a.code) > (:afterDate, :afterCode)", "afterDate", afterDate)
				.bind("afterCode", afterCode);
		}
		return this.jdbc.sql(SELECT + conditions.where() + "\nORDER BY a.start_date, a.code LIMIT :limit")
			.params(conditions.parameters())
			.param("limit", limit)
			.query(ActivityRepository::activity)
			.list();
	}

	int count(ActivityScope scope) {
		var conditions = conditions(scope);
		return this.jdbc.sql("SELECT count(*) FROM (" + SELECT + conditions.where() + ") selected")
			.params(conditions.parameters())
			.query(Integer.class)
			.single();
	}

	/** The activity of this code among those the scope selects. */
	Optional<Activity> byCode(ActivityScope scope, String code) {
		var conditions = conditions(scope).add("a.code = :code", "code", code);
		return this.jdbc.sql(SELECT + conditions.where())
			.params(conditions.parameters())
			.query(ActivityRepository::activity)
			.optional();
	}

	/** The stored code of the activity whose code differs from this one in case only, among those the scope selects. */
	Optional<String> codeInAnotherCase(ActivityScope scope, String code) {
		var conditions = conditions(scope).add("lower(a.code) = lower(:code)", "code", Text.trim(code));
		return this.jdbc.sql("SELECT a.code FROM (" + SELECT + conditions.where() + ") a")
			.params(conditions.parameters())
			.query(String.class)
			.optional();
	}

	List<Activity> byCodes(Collection<String> codes) {
		return this.jdbc.sql(SELECT + "WHERE a.code = ANY(:codes) ORDER BY a.code")
			.param("codes", codes.toArray(String[]::new))
			.query(ActivityRepository::activity)
			.list();
	}

	private static Conditions conditions(ActivityScope scope) {
		var filter = scope.filter();
		return new Conditions()
			.add("a.project_id IN (SELECT id FROM project WHERE programme_id = :programme)", "programme",
					scope.programmeId())
			.add("a.project_id = :project", "project", scope.projectId())
			.add("a.project_id = ANY(:ownProjects)", "ownProjects", scope.ownProjects())
			.addAny("a.kind = ANY(:kinds)", "kinds", filter.activityKinds())
			.addAny("v.parent_code = ANY(:regions)", "regions", filter.venueRegions())
			.addAny("a.venue_municipality_code = ANY(:municipalities)", "municipalities",
					filter.venueMunicipalities())
			.add("a.organizer_id = ANY(:organizers)", "organizers", scope.organizerIds())
			.add("a.start_date >= :from", "from", filter.from())
			.add("a.start_date <= :to", "to", filter.to());
	}

	private static Activity activity(ResultSet rs, int row) throws SQLException {
		return new Activity(rs.getLong("id"), rs.getString("code"), rs.getLong("project_id"),
				ActivityKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("title_ka"),
				rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
				rs.getString("venue_municipality_code"), rs.getString("venue_name"),
				rs.getObject("organizer_id", Long.class), Arrays.asList((String[]) rs.getArray("topics").getArray()));
	}

}
