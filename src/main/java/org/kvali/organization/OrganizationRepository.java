package org.kvali.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.kvali.graphql.Text;
import org.kvali.sql.Conditions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository {

	private static final String SELECT = """
			SELECT o.id, o.code, o.name, o.name_ka, o.kind, o.municipality_code,
			       coalesce(m.parent_code, o.region_code) AS region_code, o.iati_ref, o.iati_type
			FROM organization o
			LEFT JOIN geo_unit m ON m.code = o.municipality_code
			""";

	private static final String FUNDING = "o.id IN (SELECT organization_id FROM programme_donor"
			+ " WHERE programme_id = :programme UNION SELECT publisher_id FROM programme WHERE id = :programme)";

	private static final String PROGRAMME_PROJECTS = "SELECT id FROM project WHERE programme_id = :programme";

	/** A partner's own projects, to narrow further. */
	private static final String OWN = "SELECT id FROM project WHERE id = ANY(CAST(:ownProjects AS bigint[]))";

	private final JdbcClient jdbc;

	OrganizationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Organization> page(OrganizationScope scope, String afterCode, int limit) {
		var conditions = conditions(scope).add("o.code > :after", "after", afterCode);
		return this.jdbc.sql(SELECT + conditions.where() + "\nORDER BY o.code LIMIT :limit")
			.params(conditions.parameters())
			.param("limit", limit)
			.query(Organization.class)
			.list();
	}

	int count(OrganizationScope scope) {
		var conditions = conditions(scope);
		return this.jdbc.sql("SELECT count(*) FROM (" + SELECT + conditions.where() + ") selected")
			.params(conditions.parameters())
			.query(Integer.class)
			.single();
	}

	/** The organization of this code among those the scope selects. */
	Optional<Organization> byCode(OrganizationScope scope, String code) {
		var conditions = conditions(scope).add("o.code = :code", "code", code);
		return this.jdbc.sql(SELECT + conditions.where())
			.params(conditions.parameters())
			.query(Organization.class)
			.optional();
	}

	List<Organization> byCodes(Collection<String> codes) {
		return this.jdbc.sql(SELECT + "WHERE o.code = ANY(:codes) ORDER BY o.code")
			.param("codes", codes.toArray(String[]::new))
			.query(Organization.class)
			.list();
	}

	/** The stored spelling of an organization's code written in another case. */
	Optional<String> codeInAnotherCase(String code) {
		return this.jdbc.sql("SELECT code FROM organization WHERE lower(code) = lower(:code) LIMIT 1")
			.param("code", Text.trim(code))
			.query(String.class)
			.optional();
	}

	/**
	 * The code of the organization that the one of this code (in any case, with spaces around it too) was merged
	 * into.
	 */
	Optional<String> mergedInto(String code) {
		return this.jdbc.sql("""
				SELECT o.code FROM organization_alias a JOIN organization o ON o.id = a.organization_id
				WHERE lower(a.code) = lower(:code)""")
			.param("code", Text.trim(code))
			.query(String.class)
			.optional();
	}

	List<Organization> byIds(Collection<Long> ids) {
		return this.jdbc.sql(SELECT + "WHERE o.id = ANY(:ids) ORDER BY o.code")
			.param("ids", ids.toArray(Long[]::new))
			.query(Organization.class)
			.list();
	}

	/**
	 * SQL: the organization takes part in the projects {@code projects} selects ({@link TakingPart#in}), those
	 * represented there being the organizations of {@code counted}, as bound under {@code name}, where the report
	 * index counted them.
	 */
	private static String takingPart(String projects, String[] counted, String name) {
		return counted == null ? TakingPart.in("o.id", projects) : TakingPart.inAmong("o.id", projects, name);
	}

	private static Conditions conditions(OrganizationScope scope) {
		var filter = scope.filter();
		var counted = scope.counted();
		var conditions = new Conditions().bind("represented", scope.representedBy()).bind("own", scope.own())
			.bind("represented_programme", counted.programme())
			.bind("represented_project", counted.project())
			.bind("represented_own", counted.own())
			.addAny("o.kind = ANY(:kinds)", "kinds", filter.kinds())
			.addAny("coalesce(m.parent_code, o.region_code) = ANY(:regions)", "regions", filter.regions())
			// a partner's list shows no project but its own, even where an organization takes part in both
			.add(scope.ownProjects() == null ? "(" + FUNDING + " OR " + takingPart(PROGRAMME_PROJECTS, counted.programme(),
					"represented_programme") + ")" : takingPart(OWN + " AND programme_id = :programme",
							counted.programme(), "represented_programme"), "programme", scope.programmeId())
			.add(takingPart(scope.ownProjects() == null ? ":project" : OWN + " AND id = :project", counted.project(),
					"represented_project"), "project", scope.projectId())
			.add(takingPart("SELECT unnest(CAST(:ownProjects AS bigint[]))", counted.own(), "represented_own"),
					"ownProjects", scope.ownProjects());
		if (scope.takingPartAnywhere()) {
			// a donor's whole list holds organizations taking part in some programme: listed for 1 or 2 people of it
			// at some activity, a small organization told that someone of it had attended (of one a sheet made,
			// which one)
			conditions.add(counted.anywhere() == null ? TakingPart.anywhere("o.id") : TakingPart.anywhereAmong("o.id"),
					"represented", scope.representedBy())
				.bind("represented_anywhere", counted.anywhere());
		}
		if (filter.nameContains() != null) {
			var pattern = "%" + filter.nameContains().replaceAll("([\\\\%_])", "\\\\$1") + "%";
			// PostgreSQL 17's own Unicode collation folds every script's case; the database's (C on the embedded
			// server) folded Latin letters alone: Georgian capitals, Cyrillic or É were not found
			conditions.add("(o.name ILIKE :name COLLATE pg_c_utf8 OR o.name_ka ILIKE :name COLLATE pg_c_utf8)", "name",
					pattern);
		}
		return conditions;
	}

}
