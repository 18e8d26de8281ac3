package org.kvali.report;

import java.util.List;
import java.util.function.UnaryOperator;

import org.kvali.activity.ActivityKind;
import org.kvali.organization.OrganizationKind;

/**
 * What the filters alone tell of one group of a breakdown: the group's conditions joined to a filter, and whether one
 * filter selects every participation another does, or none. A share's group at 100 % is a rest of none that tells
 * nothing where its numerator's filter holds the group whole (the women of a share of women), and at 0 % where its
 * numerator's filter leaves the group out (the municipalities of another region of a share of one region's people).
 */
public final class GroupFilters {

	private GroupFilters() {
	}

	/**
	 * The filter narrowed to the group of a breakdown by {@code by}: its value of each dimension, periods aside (the
	 * filter's dates hold them), a municipality's region too ({@code regionOf}); null where a value is one a filter
	 * cannot name (the unknown of a code, or of disability). The filter's roles are kept, but for a group's ROLE.
	 */
	public static ParticipationFilter narrowed(ParticipationFilter filter, ParticipationGroup group,
			List<Dimension> by, UnaryOperator<String> regionOf) {
		var values = group.values(by);
		var narrowed = filter;
		for (int i = 0; i < by.size(); i++) {
			var dimension = by.get(i);
			var value = dimension == Dimension.AGE_GROUP ? group.ageGroup() : values.get(i);
			if (dimension.isPeriod()) {
				continue;
			}
			if (value == null) {
				return null;
			}
			narrowed = narrowed.and(only(dimension, value, filter.roles()));
			if (dimension == Dimension.MUNICIPALITY || dimension == Dimension.VENUE_MUNICIPALITY) {
				var region = dimension == Dimension.MUNICIPALITY ? Dimension.REGION : Dimension.VENUE_REGION;
				narrowed = narrowed.and(only(region, regionOf.apply((String) value), filter.roles()));
			}
		}
		return narrowed;
	}

	/** The filter selecting this value of the dimension alone, a list's as a list of it, in these roles. */
	@SuppressWarnings("unchecked")
	private static ParticipationFilter only(Dimension dimension, Object value, List<ParticipationRole> roles) {
		var fields = new Object[ParticipationFilter.class.getRecordComponents().length];
		// the record's components in order, as the dimension names them
		int field = switch (dimension) {
			case PROGRAMME -> 0;
			case PROJECT -> 1;
			case REGION -> 2;
			case MUNICIPALITY -> 3;
			case VENUE_REGION -> 4;
			case VENUE_MUNICIPALITY -> 5;
			case ORGANIZATION -> 6;
			case ORGANIZATION_KIND -> 7;
			case GENDER -> 8;
			case AGE_BAND -> 9;
			case AGE_GROUP -> 10;
			case DISABILITY -> 11;
			case ACTIVITY_KIND -> 12;
			case ACTIVITY -> 13;
			case ORGANIZER -> 14;
			case ROLE -> 15;
			case YEAR, QUARTER, MONTH -> throw new IllegalArgumentException("A period is no condition of a filter");
		};
		fields[field] = value instanceof AgeRange || value instanceof Boolean ? value : List.of(value);
		fields[15] = field == 15 ? fields[15] : roles;
		return new ParticipationFilter((List<String>) fields[0], (List<String>) fields[1], (List<String>) fields[2],
				(List<String>) fields[3], (List<String>) fields[4], (List<String>) fields[5], (List<String>) fields[6],
				(List<OrganizationKind>) fields[7], (List<Gender>) fields[8], (List<AgeBand>) fields[9],
				(AgeRange) fields[10], (Boolean) fields[11], (List<ActivityKind>) fields[12], (List<String>) fields[13],
				(List<String>) fields[14], (List<ParticipationRole>) fields[15], null, null);
	}

	/**
	 * Whether {@code filter} selects every participation {@code other} does, as their conditions tell it (not the
	 * data): each condition of the filter is none, or holds the other's; ages as the ages and bands of each select
	 * them, the unknown included.
	 */
	public static boolean covers(ParticipationFilter filter, ParticipationFilter other) {
		return holds(filter.programmes(), other.programmes()) && holds(filter.projects(), other.projects())
				&& holds(filter.regions(), other.regions()) && holds(filter.municipalities(), other.municipalities())
				&& holds(filter.venueRegions(), other.venueRegions())
				&& holds(filter.venueMunicipalities(), other.venueMunicipalities())
				&& holds(filter.organizations(), other.organizations())
				&& holds(filter.organizationKinds(), other.organizationKinds())
				&& holds(filter.genders(), other.genders()) && holdsAges(filter, other)
				&& (filter.disability() == null || filter.disability().equals(other.disability()))
				&& holds(filter.activityKinds(), other.activityKinds())
				&& holds(filter.activities(), other.activities()) && holds(filter.organizers(), other.organizers())
				&& filter.countedRoles().containsAll(other.countedRoles())
				&& (filter.from() == null || other.from() != null && !other.from().isBefore(filter.from()))
				&& (filter.to() == null || other.to() != null && !other.to().isAfter(filter.to()))
				&& (filter.strangersTo() == null
						|| other.strangersTo() != null && other.strangersTo().containsAll(filter.strangersTo()));
	}

	/**
	 * Whether the two filters select no participation in common, as their conditions tell it: a list of theirs holds
	 * no value in common, their ages, disability or roles do not meet, or their dates do not overlap.
	 */
	public static boolean disjoint(ParticipationFilter filter, ParticipationFilter other) {
		var both = filter.and(other);
		return !both.emptyLists().isEmpty() || both.countedRoles().isEmpty()
				|| both.from() != null && both.to() != null && both.from().isAfter(both.to());
	}

	private static boolean holds(List<?> these, List<?> those) {
		return these == null || those != null && these.containsAll(those);
	}

	/** Whether every age the other selects, unknown included, the filter selects too. */
	private static boolean holdsAges(ParticipationFilter filter, ParticipationFilter other) {
		return AgeRange.agesApart(other.ages(), other.ageBands(), filter.ages(), filter.ageBands()) == 0
				&& (!selectsUnknownAge(other) || selectsUnknownAge(filter));
	}

	private static boolean selectsUnknownAge(ParticipationFilter filter) {
		return filter.ages() == null && (filter.ageBands() == null || filter.ageBands().contains(AgeBand.UNKNOWN));
	}

}
