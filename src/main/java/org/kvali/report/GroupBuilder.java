package org.kvali.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.kvali.activity.ActivityKind;
import org.kvali.organization.OrganizationKind;

/**
 * Makes a {@link ParticipationGroup} from the values of its dimensions as both paths read them: codes and enum names
 * as text, the age band as its number (null unknown), a group of ages as its range, disability as a Boolean, a
 * period as its first day.
 */
final class GroupBuilder {

	private GroupBuilder() {
	}

	static ParticipationGroup group(Map<Dimension, Object> v, Measures m, int totalParticipants) {
		Period period = null;
		for (var dimension : v.keySet()) {
			if (dimension.isPeriod()) {
				period = Period.of(dimension, (LocalDate) v.get(dimension));
			}
		}
		return new ParticipationGroup((String) v.get(Dimension.PROGRAMME), (String) v.get(Dimension.PROJECT),
				(String) v.get(Dimension.REGION), (String) v.get(Dimension.MUNICIPALITY),
				(String) v.get(Dimension.VENUE_REGION), (String) v.get(Dimension.VENUE_MUNICIPALITY),
				(String) v.get(Dimension.ORGANIZATION),
				enumOf(OrganizationKind.class, v.get(Dimension.ORGANIZATION_KIND)),
				(String) v.get(Dimension.ORGANIZER),
				enumOf(Gender.class, v.get(Dimension.GENDER)),
				v.containsKey(Dimension.AGE_BAND) ? AgeBand.ofBand((Integer) v.get(Dimension.AGE_BAND)) : null,
				(AgeRange) v.get(Dimension.AGE_GROUP),
				(Boolean) v.get(Dimension.DISABILITY), enumOf(ActivityKind.class, v.get(Dimension.ACTIVITY_KIND)),
				(String) v.get(Dimension.ACTIVITY), enumOf(ParticipationRole.class, v.get(Dimension.ROLE)),
				period, m.participations(), m.participants(), m.activities(),
				m.organizations(), totalParticipants == 0 ? null : (double) m.participants() / totalParticipants,
				false);
	}

	/**
	 * The key of a group of these values, as {@link ParticipationGroup#values} has it: what a group of activities of
	 * others' would be keyed by ({@link OwnKeys}).
	 */
	static List<Object> key(Map<Dimension, Object> v, List<Dimension> by) {
		return group(v, new Measures(0, 0, null, null), 0).values(by);
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, Object value) {
		return value == null ? null : Enum.valueOf(type, (String) value);
	}

}
