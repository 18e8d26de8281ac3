package org.kvali.indicator;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.kvali.activity.Activity;
import org.kvali.activity.ActivityService;
import org.kvali.graphql.DateRange;
import org.kvali.graphql.Validation;
import org.kvali.indicator.IndicatorEnums.Method;
import org.kvali.indicator.IndicatorEnums.Unit;
import org.kvali.programme.Programme;
import org.kvali.programme.ProgrammeService;
import org.kvali.programme.Project;
import org.kvali.report.AgeRange;
import org.kvali.report.FilterProblems;
import org.kvali.report.ParticipationFilter;

import org.springframework.stereotype.Component;

/**
 * A computed indicator's filters must leave it something to count: it counts its own programme's participation alone
 * (a project's indicator its project's, {@link IndicatorRepository}), and one that could only ever count 0 would
 * stand on the programme's dashboards and in its IATI file as if nothing were reached. Refused, for a new definition
 * and a changed one alike (IndicatorRedefinition): only
 * other programmes, projects or activities named, dates ending before the programme begins, an empty list (which
 * selects nothing), and a share whose filter and denominator have nothing in common. Checked once every code is known
 * as written (IndicatorDefinitions), so that a code in another case is named as stored.
 */
@Component
class CountableFilters {

	private static final String SHARE_AGES = "a share's people and the rest of its denominator's are of 5 ages at"
			+ " least each, so that no answer counts people of one or two birth years";

	private final ProgrammeService programmes;

	private final ActivityService activities;

	private final FilterProblems filterProblems;

	CountableFilters(ProgrammeService programmes, ActivityService activities, FilterProblems filterProblems) {
		this.programmes = programmes;
		this.activities = activities;
		this.filterProblems = filterProblems;
	}

	/**
	 * A project named for an indicator of the programme {@code programme} (null when unknown): unknown, named as
	 * stored in another case where that one is the programme's, or of another programme (a hint had named another
	 * programme's project, then refused in the next answer).
	 */
	void checkProject(String code, Project project, Long programme, Validation validation) {
		if (code == null) {
			return;
		}
		var named = project != null ? Optional.of(project)
				: this.programmes.projectCodeInAnotherCase(code)
					.map(stored -> this.programmes.projectsByCode(List.of(stored)).get(stored));
		if (named.isPresent() && programme != null && named.get().programmeId() != programme) {
			validation.problem("input.project", code, "No project of this programme has this code");
		}
		else if (project == null) {
			validation.known("input.project", "project", List.of(code), List.of(),
					ignored -> named.map(Project::code));
		}
	}

	/**
	 * The measure and filters a computed indicator needs for its unit, and none for a reported one (told of the first
	 * given, which the method was told of: a tester's): of a new definition, or of one as an update leaves it.
	 */
	static void checkCounting(IndicatorDefinitions.CreateInput input, Validation validation) {
		if (input.method() == Method.COMPUTED) {
			if (input.measure() == null) {
				validation.problem("input.measure", null, "A computed indicator needs a measure");
			}
			if (input.filter() == null) {
				validation.problem("input.filter", null, "A computed indicator needs a filter");
			}
			if (input.unit() == Unit.PERCENT && input.denominatorFilter() == null) {
				validation.problem("input.denominatorFilter", null, "A computed percent indicator needs a denominator");
			}
		}
		else if (input.measure() != null || input.filter() != null || input.denominatorFilter() != null) {
			var given = input.measure() != null ? "input.measure" : input.filter() != null ? "input.filter"
					: "input.denominatorFilter";
			validation.problem(given, input.measure(), "A reported indicator takes no measure or filters: it is"
					+ " given its values (reportIndicatorValue)");
		}
		if (input.method() == Method.COMPUTED && input.unit() != Unit.PERCENT && input.denominatorFilter() != null) {
			validation.problem("input.denominatorFilter", null, "Only a percent indicator has a denominator");
		}
	}

	/**
	 * Dates in order, a range of ages, and no unknown code: each of a filter's fields with unknown codes is named as
	 * participation names it, as this filter's argument ({@code input.denominatorFilter.projects}, not
	 * {@code filter.projects}), beside every other problem of the definition.
	 */
	void checkFilter(String argument, ParticipationFilter filter, Validation validation) {
		if (filter == null) {
			return;
		}
		if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
			validation.problem(argument + ".to", filter.to(), DateRange.reversed(filter.from(), filter.to()));
		}
		for (var problem : this.filterProblems.of(filter, argument, true)) {
			validation.problem(problem.argument(), problem.value(), problem.getMessage());
		}
	}

	void check(IndicatorDefinitions.CreateInput input, Programme programme, Project project, Validation validation) {
		check("input.filter", input, programme, project, input.filter(), validation);
		check("input.denominatorFilter", input, programme, project, input.denominatorFilter(), validation);
		if (input.filter() != null && input.denominatorFilter() != null && !validation.refusedAny()) {
			nothingInCommon(input.filter(), input.denominatorFilter(), validation);
			if (!validation.refusedAny()) {
				shareAges(input.filter(), input.denominatorFilter(), validation);
			}
		}
	}

	private void check(String argument, IndicatorDefinitions.CreateInput input, Programme programme, Project project,
			ParticipationFilter filter, Validation validation) {
		if (filter == null || programme == null) {
			return;
		}
		for (var list : filter.emptyLists()) {
			validation.problem(argument + "." + list, List.of(),
					"An empty list selects nothing, and the indicator would count nothing; leave it out to count every one");
		}
		othersOnly(argument + ".programmes", "programme", input.programme(), filter.programmes(), validation);
		othersOnly(argument + ".projects", "project", input.project(), filter.projects(), validation);
		if (project == null) {
			otherProgrammesProjects(argument, programme, filter, validation);
		}
		otherActivities(argument, programme, project, filter, validation);
		// a filter beginning after the programme's end is taken: an extension, which is common, brings it in
		if (filter.to() != null && programme.startDate() != null && filter.to().isBefore(programme.startDate())) {
			validation.problem(argument + ".to", filter.to(), "The indicator counts programme " + programme.code()
					+ "'s activities, which begin on " + programme.startDate() + "; this ends before them");
		}
	}

	private static void othersOnly(String argument, String what, String own, List<String> named,
			Validation validation) {
		if (own != null && named != null && !named.isEmpty() && !named.contains(own)) {
			validation.problem(argument, named, "The indicator is " + what + " " + own + "'s and counts that " + what
					+ " alone; these " + what + "s leave nothing to count");
		}
	}

	private void otherProgrammesProjects(String argument, Programme programme, ParticipationFilter filter,
			Validation validation) {
		if (filter.projects() == null || filter.projects().isEmpty()) {
			return;
		}
		var named = this.programmes.projectsByCode(filter.projects());
		if (named.size() == Set.copyOf(filter.projects()).size()
				&& named.values().stream().allMatch(project -> project.programmeId() != programme.id())) {
			validation.problem(argument + ".projects", filter.projects(), "The indicator is programme "
					+ programme.code() + "'s and counts that programme alone; these projects are other programmes'");
		}
	}

	private void otherActivities(String argument, Programme programme, Project project, ParticipationFilter filter,
			Validation validation) {
		if (filter.activities() == null || filter.activities().isEmpty()) {
			return;
		}
		var named = this.activities.activitiesByCode(filter.activities());
		if (named.size() < Set.copyOf(filter.activities()).size()) {
			return;
		}
		var projects = this.programmes.projectsById(named.values().stream().map(Activity::projectId).toList());
		if (projects.values().stream().noneMatch(own -> project == null ? own.programmeId() == programme.id()
				: own.id() == project.id())) {
			validation.problem(argument + ".activities", filter.activities(), "The indicator counts "
					+ (project == null ? "programme " + programme.code() : "project " + project.code())
					+ "'s activities alone; these are none of them");
		}
	}

	/** A share's numerator counts within its denominator (IndicatorRepository): with nothing in common, always 0 %. */
	private static void nothingInCommon(ParticipationFilter filter, ParticipationFilter denominator,
			Validation validation) {
		var both = filter.and(denominator);
		var none = filter.disability() != null && denominator.disability() != null
				&& !filter.disability().equals(denominator.disability()) ? List.of("disability")
						: both.selectsNoAge() ? List.of("ages") : both.emptyLists();
		if (!none.isEmpty() || both.from() != null && both.to() != null && both.from().isAfter(both.to())) {
			validation.problem("input.filter" + (none.isEmpty() ? "" : "." + none.get(0)), null,
					"The filter and the denominator select no participation in common"
							+ (none.isEmpty() ? " (their dates do not meet)" : " (by " + String.join(", ", none) + ")")
							+ ": the share counts within its denominator and would be 0 % always (a share of people or "
							+ "activities by what else they did, trained and then at a workshop, is not counted so: "
							+ "report it, method REPORTED)");
		}
	}

	/**
	 * Counted within its denominator, a share's numerator is of the ages both hold, and its rest of the denominator's
	 * ages it does not hold: 5 ages each, as donors read them (18 and over of 17 and over told the 17-year-olds: a
	 * tester's).
	 */
	private static void shareAges(ParticipationFilter filter, ParticipationFilter denominator, Validation validation) {
		var both = filter.and(denominator);
		if (both.ages() == null && both.ageBands() == null) {
			return;
		}
		boolean own = filter.ages() != null;
		int ages = both.ages() == null ? AgeRange.FEWEST_SUPPRESSED : both.ages().agesWithin(both.ageBands());
		if (ages < AgeRange.FEWEST_SUPPRESSED) {
			validation.problem(own ? "input.filter.ages" : "input.denominatorFilter.ages",
					own ? filter.ages() : denominator.ages(), "Counted within the denominator's ages, the filter"
							+ " selects " + ages + (ages == 1 ? " age: " : " ages: ") + SHARE_AGES);
		}
		int rest = AgeRange.agesApart(denominator.ages(), denominator.ageBands(), both.ages(), both.ageBands());
		if (rest > 0 && rest < AgeRange.FEWEST_SUPPRESSED) {
			validation.problem("input.denominatorFilter.ages", denominator.ages(), "The denominator's people the"
					+ " filter leaves out are of " + rest + (rest == 1 ? " age" : " ages") + " alone, which the share"
					+ " would tell as its rest: " + SHARE_AGES);
		}
	}

}
