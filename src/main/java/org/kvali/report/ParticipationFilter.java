package org.kvali.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.kvali.activity.ActivityKind;
import org.kvali.organization.OrganizationKind;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The schema's ParticipationFilter: a missing list selects everything, an empty list nothing. Beside the schema's
 * fields, {@code strangersTo} (never read from a request or stored) leaves out everyone who took part, in any role,
 * in an activity one of these organizations (their ids) runs, or was removed from one or had an activity it ran
 * before it changed hands (changeset 074): the people a partner's answers are weighed by ({@code ReportService}).
 */
public record ParticipationFilter(List<String> programmes, List<String> projects, List<String> regions,
		List<String> municipalities, List<String> venueRegions, List<String> venueMunicipalities,
		List<String> organizations, List<OrganizationKind> organizationKinds, List<Gender> genders,
		List<AgeBand> ageBands, AgeRange ages, Boolean disability, List<ActivityKind> activityKinds,
		List<String> activities, List<String> organizers, List<ParticipationRole> roles, LocalDate from, LocalDate to,
		@JsonIgnore Set<Long> strangersTo) {

	/** Everything in the PARTICIPANT role. */
	public static final ParticipationFilter ALL = new ParticipationFilter(null, null, null, null, null, null, null,
			null, null, null, null, null, null, null, null, null, null, null);

	/** The schema's fields alone. */
	public ParticipationFilter(List<String> programmes, List<String> projects, List<String> regions,
			List<String> municipalities, List<String> venueRegions, List<String> venueMunicipalities,
			List<String> organizations, List<OrganizationKind> organizationKinds, List<Gender> genders,
			List<AgeBand> ageBands, AgeRange ages, Boolean disability, List<ActivityKind> activityKinds,
			List<String> activities, List<String> organizers, List<ParticipationRole> roles, LocalDate from,
			LocalDate to) {
		this(programmes, projects, regions, municipalities, venueRegions, venueMunicipalities, organizations,
				organizationKinds, genders, ageBands, ages, disability, activityKinds, activities, organizers, roles,
				from, to, null);
	}

	/**
	 * Participations in every role at the activities of these programmes, projects and organizers (a missing list
	 * selects all, an empty one none).
	 */
	public static ParticipationFilter inAnyRole(List<String> programmes, List<String> projects, List<String> organizers) {
		return new ParticipationFilter(programmes, projects, null, null, null, null, null, null, null, null, null, null,
				null, null, organizers, List.of(ParticipationRole.values()), null, null);
	}

	/**
	 * This filter of the people who never took part, in any role, in an activity these organizations (their ids) run,
	 * its other conditions as they are.
	 */
	ParticipationFilter strangersTo(Set<Long> organizations) {
		return new ParticipationFilter(this.programmes, this.projects, this.regions, this.municipalities,
				this.venueRegions, this.venueMunicipalities, this.organizations, this.organizationKinds, this.genders,
				this.ageBands, this.ages, this.disability, this.activityKinds, this.activities, this.organizers,
				this.roles, this.from, this.to, Set.copyOf(organizations));
	}

	/** This filter narrowed to activities starting within {@code from} to {@code to} (either may be null). */
	public ParticipationFilter within(LocalDate from, LocalDate to) {
		var start = this.from == null || (from != null && from.isAfter(this.from)) ? from : this.from;
		var end = this.to == null || (to != null && to.isBefore(this.to)) ? to : this.to;
		return new ParticipationFilter(this.programmes, this.projects, this.regions, this.municipalities,
				this.venueRegions, this.venueMunicipalities, this.organizations, this.organizationKinds, this.genders,
				this.ageBands, this.ages, this.disability, this.activityKinds, this.activities, this.organizers,
				this.roles, start, end, this.strangersTo);
	}

	/** How many values its lists hold in all: what keeping it as a question costs, a code about half a group. */
	int values() {
		return Stream.of(this.programmes, this.projects, this.regions, this.municipalities, this.venueRegions,
				this.venueMunicipalities, this.organizations, this.organizationKinds, this.genders, this.ageBands,
				this.activityKinds, this.activities, this.organizers, this.roles)
			.mapToInt(list -> list == null ? 0 : list.size())
			.sum() + (this.strangersTo == null ? 0 : this.strangersTo.size());
	}

	/** This filter narrowed to the given genders (replacing any it had). */
	public ParticipationFilter withGenders(List<Gender> genders) {
		return new ParticipationFilter(this.programmes, this.projects, this.regions, this.municipalities,
				this.venueRegions, this.venueMunicipalities, this.organizations, this.organizationKinds, genders,
				this.ageBands, this.ages, this.disability, this.activityKinds, this.activities, this.organizers,
				this.roles, this.from, this.to, this.strangersTo);
	}

	/** This filter narrowed to the given activities (replacing any it had). */
	public ParticipationFilter withActivities(List<String> activities) {
		return new ParticipationFilter(this.programmes, this.projects, this.regions, this.municipalities,
				this.venueRegions, this.venueMunicipalities, this.organizations, this.organizationKinds, this.genders,
				this.ageBands, this.ages, this.disability, this.activityKinds, activities, this.organizers, this.roles,
				this.from, this.to, this.strangersTo);
	}

	/**
	 * The participations this filter and {@code other} both select: each list holds what both allow (a missing one
	 * allows everything), the dates are the later start and the earlier end, and the roles those both count. Where
	 * their disability conditions differ, or their ages do not meet (of ranges, and of bands), no participation: an
	 * empty list of activities says so. Strangers to the organizations of either are strangers to both's.
	 */
	public ParticipationFilter and(ParticipationFilter other) {
		var both = new ParticipationFilter(both(this.programmes, other.programmes), both(this.projects, other.projects),
				both(this.regions, other.regions), both(this.municipalities, other.municipalities),
				both(this.venueRegions, other.venueRegions), both(this.venueMunicipalities, other.venueMunicipalities),
				both(this.organizations, other.organizations), both(this.organizationKinds, other.organizationKinds),
				both(this.genders, other.genders), both(this.ageBands, other.ageBands),
				this.ages == null ? other.ages : this.ages.and(other.ages),
				this.disability != null ? this.disability : other.disability, both(this.activityKinds, other.activityKinds),
				both(this.activities, other.activities), both(this.organizers, other.organizers),
				this.roles == null && other.roles == null ? null : both(countedRoles(), other.countedRoles()), this.from,
				this.to, strangers(this.strangersTo, other.strangersTo)).within(other.from, other.to);
		return this.disability != null && other.disability != null && !this.disability.equals(other.disability)
				|| both.selectsNoAge() ? both.withActivities(List.of()) : both;
	}

	/** Whether its range of ages and its age bands select no age in common (so no one). */
	public boolean selectsNoAge() {
		return this.ages != null && this.ages.agesWithin(this.ageBands) == 0;
	}

	/** The names of the lists that are empty, and so select nothing. */
	public List<String> emptyLists() {
		var empty = new ArrayList<String>();
		for (var component : ParticipationFilter.class.getRecordComponents()) {
			try {
				if (component.getAccessor().invoke(this) instanceof List<?> list && list.isEmpty()) {
					empty.add(component.getName());
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return empty;
	}

	private static Set<Long> strangers(Set<Long> these, Set<Long> those) {
		if (these == null || those == null) {
			return these == null ? those : these;
		}
		var either = new HashSet<>(these);
		either.addAll(those);
		return Set.copyOf(either);
	}

	private static <T> List<T> both(List<T> these, List<T> those) {
		return these == null ? those : those == null ? these : these.stream().filter(those::contains).toList();
	}

	/**
	 * Whether the filter selects people by what they are (home region or municipality, gender, age, disability,
	 * the organization they represent, and unless {@code kindAside} its kind), not only participations by their
	 * activities and roles.
	 */
	public boolean selectsPeople(boolean kindAside) {
		return this.regions != null || this.municipalities != null || this.genders != null || this.ageBands != null
				|| this.ages != null || this.disability != null || this.organizations != null
				|| !kindAside && this.organizationKinds != null;
	}

	/**
	 * Whether the filter selects no one of this value of a dimension by its definition (a filter of women, no man):
	 * its condition on the dimension leaves the value out. A group of ages is given as its range, null for unknown
	 * ages; no period is left out by definition.
	 */
	public boolean excludes(Dimension dimension, Object value) {
		if (dimension == Dimension.AGE_GROUP) {
			// a group's ages, or null for the unknown, which a range or bands without UNKNOWN leave out
			return value instanceof AgeRange group ? group.agesSelectedBy(this).length == 0
					: this.ages != null || this.ageBands != null && !this.ageBands.contains(AgeBand.UNKNOWN);
		}
		List<?> selected = selected(dimension);
		// the unknown (null) of a dimension a list selects is left out; List.of's contains refuses null
		return selected != null && (value == null || !selected.contains(value))
				|| dimension == Dimension.AGE_BAND && this.ages != null
						&& !(value instanceof AgeBand band && this.ages.overlaps(band));
	}

	/**
	 * The values of a dimension the filter selects (ROLE's counted roles); null where it names none, as for groups
	 * of ages and periods, which it selects by ranges.
	 */
	List<?> selected(Dimension dimension) {
		return switch (dimension) {
			case PROGRAMME -> this.programmes;
			case PROJECT -> this.projects;
			case REGION -> this.regions;
			case MUNICIPALITY -> this.municipalities;
			case VENUE_REGION -> this.venueRegions;
			case VENUE_MUNICIPALITY -> this.venueMunicipalities;
			case ORGANIZATION -> this.organizations;
			case ORGANIZATION_KIND -> this.organizationKinds;
			case ORGANIZER -> this.organizers;
			case GENDER -> this.genders;
			case AGE_BAND -> this.ageBands;
			case DISABILITY -> this.disability == null ? null : List.of(this.disability);
			case ACTIVITY_KIND -> this.activityKinds;
			case ACTIVITY -> this.activities;
			case ROLE -> countedRoles();
			case AGE_GROUP, YEAR, QUARTER, MONTH -> null;
		};
	}

	/** The roles counted: PARTICIPANT unless the filter says otherwise, since trainers and organizers are not reached. */
	public List<ParticipationRole> countedRoles() {
		return this.roles == null ? List.of(ParticipationRole.PARTICIPANT) : this.roles;
	}

}
