package org.kvali.report;

import java.util.ArrayList;
import java.util.List;

import org.kvali.sql.Conditions;

/**
 * The schema's GroupConditions: which groups of a breakdown to keep by their measures ("organizations that sent people
 * to more than three activities": activities at least 4), all of the ranges given holding. Applied to the groups as
 * counted, before {@code first} cuts them; to a caller from whom small groups are withheld, to the groups shown, after
 * they are weighed: which groups are withheld never depends on it.
 */
public record GroupConditions(CountRange participations, CountRange participants, CountRange activities,
		CountRange organizations) {

	/** No condition: every group kept. */
	public static final GroupConditions NONE = new GroupConditions(null, null, null, null);

	/** A range of no bound is none: it holds every count. */
	public GroupConditions {
		participations = bounded(participations);
		participants = bounded(participants);
		activities = bounded(activities);
		organizations = bounded(organizations);
	}

	/** The conditions given, NONE for none. */
	static GroupConditions of(GroupConditions given) {
		return given == null ? NONE : given;
	}

	private static CountRange bounded(CountRange range) {
		return range == null || range.atLeast() == null && range.atMost() == null ? null : range;
	}

	boolean isNone() {
		return equals(NONE);
	}

	/** Whether a group of these measures is kept. */
	boolean holds(Measures measures) {
		return (this.participations == null || this.participations.contains(measures.participations()))
				&& (this.participants == null || this.participants.contains(measures.participants()))
				&& (this.activities == null || this.activities.contains(measures.activities()))
				&& (this.organizations == null || this.organizations.contains(measures.organizations()));
	}

	/** These measures, with the distinct counts the conditions name. */
	MeasureSet counted(MeasureSet measures) {
		return new MeasureSet(measures.activities() || this.activities != null,
				measures.organizations() || this.organizations != null);
	}

	/**
	 * A range that holds no count is refused, naming it; so is one over distinct activities or organizations where
	 * they are withheld from the caller ({@code shown}), as an order by them is: the groups kept would tell them.
	 */
	void check(MeasureSet shown) {
		checkRange("participations", this.participations);
		checkRange("participants", this.participants);
		checkRange("activities", this.activities);
		checkRange("organizations", this.organizations);
		if (this.activities != null && !shown.activities()) {
			throw BreakdownArguments.withheldCount("having.activities", this.activities, "keep groups by activities",
					"activities");
		}
		if (this.organizations != null && !shown.organizations()) {
			throw BreakdownArguments.withheldCount("having.organizations", this.organizations,
					"keep groups by organizations", "organizations");
		}
	}

	private static void checkRange(String measure, CountRange range) {
		if (range != null) {
			range.check("having." + measure);
		}
	}

	/**
	 * A HAVING clause keeping the grand total of the grouping sets ({@code grouped} its grouping) and the groups the
	 * conditions hold, every bound a parameter bound in {@code conditions}; the empty string for none.
	 */
	String having(String grouped, Conditions conditions) {
		var clauses = new ArrayList<String>();
		bound(clauses, conditions, "count(*)", "participations", this.participations);
		bound(clauses, conditions, "count(DISTINCT f.participant_id)", "participants", this.participants);
		bound(clauses, conditions, "count(DISTINCT f.activity_id)", "activities", this.activities);
		bound(clauses, conditions, "count(DISTINCT f.organization_id)", "organizations", this.organizations);
		return clauses.isEmpty() ? ""
				: "\nHAVING GROUPING(" + grouped + ") <> 0 OR (" + String.join(" AND ", clauses) + ")";
	}

	private static void bound(List<String> clauses, Conditions conditions, String count, String name,
			CountRange range) {
		if (range == null) {
			return;
		}
		if (range.atLeast() != null) {
			clauses.add(count + " >= :" + name + "AtLeast");
			conditions.bind(name + "AtLeast", range.atLeast());
		}
		if (range.atMost() != null) {
			clauses.add(count + " <= :" + name + "AtMost");
			conditions.bind(name + "AtMost", range.atMost());
		}
	}

}
