package org.kvali.report;

import java.util.List;

/**
 * What participation can be grouped by, each with the fixed SQL expression over the participation_fact view that
 * groups it. Expressions are constants of this enum; no text from a request reaches the SQL. Years and quarters
 * begin where the breakdown's {@code shift} puts them, and groups of ages where its {@code ages} do
 * ({@link ReportSql#breakdown}).
 */
public enum Dimension {

	PROGRAMME("f.programme_code"), PROJECT("f.project_code"), REGION("f.region"), MUNICIPALITY("f.municipality"),
	VENUE_REGION("f.venue_region"), VENUE_MUNICIPALITY("f.venue_municipality"), ORGANIZATION("f.organization_code"),
	ORGANIZATION_KIND("f.organization_kind"), ORGANIZER("f.organizer_code"), GENDER("f.gender"),
	AGE_BAND("f.age_band"), AGE_GROUP("width_bucket(f.age, ages.starts)"), DISABILITY("f.disability"),
	ACTIVITY_KIND("f.activity_kind"), ACTIVITY("f.activity_code"), ROLE("f.role"),
	YEAR("(date_trunc('year', f.start_date - shift.year) + shift.year)::date"),
	QUARTER("(date_trunc('quarter', f.start_date - shift.quarter) + shift.quarter)::date"),
	MONTH("date_trunc('month', f.start_date)::date");

	final String sql;

	Dimension(String sql) {
		this.sql = sql;
	}

	/** Whether the dimension's values are text, ordered byte by byte as the in-memory path orders them. */
	boolean isText() {
		return !isPeriod() && this != AGE_BAND && this != AGE_GROUP && this != DISABILITY;
	}

	/**
	 * Whether the dimension groups people by what they are, rather than participations by their activities; the kind
	 * of the organization they represent counts unless {@code kindAside}.
	 */
	boolean groupsPeople(boolean kindAside) {
		return this == REGION || this == MUNICIPALITY || this == GENDER || this == AGE_BAND || this == AGE_GROUP
				|| this == DISABILITY || this == ORGANIZATION || !kindAside && this == ORGANIZATION_KIND;
	}

	/**
	 * The coarser dimensions each value of this one lies in, one step up: a municipality in its region, a project in
	 * its programme, an organization in its kind, a month in its quarter and a quarter in its year (those two by the
	 * breakdown's years), an activity in its project, organizer, kind, venue municipality and month (of its first
	 * day). Suppression weighs a breakdown's groups against the breakdowns by those, which a caller can ask beside
	 * it: one step, a month's quarter and not its year, an activity's venue municipality and not its region.
	 */
	List<Dimension> within() {
		return switch (this) {
			case ACTIVITY -> List.of(PROJECT, ORGANIZER, ACTIVITY_KIND, VENUE_MUNICIPALITY, MONTH);
			case MUNICIPALITY -> List.of(REGION);
			case VENUE_MUNICIPALITY -> List.of(VENUE_REGION);
			case PROJECT -> List.of(PROGRAMME);
			case ORGANIZATION -> List.of(ORGANIZATION_KIND);
			case MONTH -> List.of(QUARTER);
			case QUARTER -> List.of(YEAR);
			default -> List.of();
		};
	}

	/**
	 * Whether a breakdown by these leaves some people of a coarser value out of its groups within it: a region's of
	 * no known municipality, a venue region's at activities of no venue municipality.
	 */
	static boolean leaveSomeOut(List<Dimension> by) {
		return by.contains(MUNICIPALITY) || by.contains(VENUE_MUNICIPALITY);
	}

	public boolean isPeriod() {
		return this == YEAR || this == QUARTER || this == MONTH;
	}

	/** The column alias of this dimension in a breakdown's result. */
	String column() {
		return "d_" + name().toLowerCase();
	}

}
