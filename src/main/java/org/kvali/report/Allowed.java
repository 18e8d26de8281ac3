package org.kvali.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ParticipationFilter}'s lists compiled against one index: for each filtered dimension, which of its value
 * ids pass (of AGE_BAND, which ages). A value the index does not hold passes nothing; "not known" passes only where
 * the filter names it (an age band of UNKNOWN).
 */
final class Allowed {

	private final Map<Dimension, boolean[]> values = new EnumMap<>(Dimension.class);

	Allowed(FactIndex index, ParticipationFilter filter) {
		add(index, Dimension.PROGRAMME, filter.programmes());
		add(index, Dimension.PROJECT, filter.projects());
		add(index, Dimension.REGION, filter.regions());
		add(index, Dimension.MUNICIPALITY, filter.municipalities());
		add(index, Dimension.VENUE_REGION, filter.venueRegions());
		add(index, Dimension.VENUE_MUNICIPALITY, filter.venueMunicipalities());
		add(index, Dimension.ORGANIZATION, filter.organizations());
		add(index, Dimension.ORGANIZATION_KIND, names(filter.organizationKinds()));
		add(index, Dimension.GENDER, names(filter.genders()));
		add(index, Dimension.ACTIVITY_KIND, names(filter.activityKinds()));
		add(index, Dimension.ACTIVITY, filter.activities());
		add(index, Dimension.ORGANIZER, filter.organizers());
		if (filter.disability() != null) {
			add(index, Dimension.DISABILITY, List.of(filter.disability().toString()));
		}
		if (filter.ageBands() != null || filter.ages() != null) {
			this.values.put(Dimension.AGE_BAND, ages(filter.ageBands(), filter.ages()));
		}
	}

	boolean[] values(Dimension dimension) {
		return this.values.get(dimension);
	}

	/** Every filtered dimension. */
	List<Dimension> dimensions() {
		return List.copyOf(this.values.keySet());
	}

	/** The filtered dimensions stored at this level. */
	List<Dimension> of(Level level) {
		return this.values.keySet().stream().filter(d -> Level.of(d) == level).toList();
	}

	private void add(FactIndex index, Dimension dimension, List<String> codes) {
		if (codes == null) {
			return;
		}
		var dictionary = index.dictionaries.get(dimension);
		var pass = new boolean[dictionary.size()];
		for (var code : codes) {
			int id = dictionary.find(code);
			if (id >= 0) {
				pass[id] = true;
			}
		}
		this.values.put(dimension, pass);
	}

	/** Per age a row holds ({@link FactIndex#age}), whether it is in one of the bands and in the range. */
	private static boolean[] ages(List<AgeBand> bands, AgeRange range) {
		var pass = new boolean[FactIndex.UNKNOWN_AGE + 1];
		for (int age = 0; age < FactIndex.UNKNOWN_AGE; age++) {
			pass[age] = AgeRange.selects(range, bands, age);
		}
		// an unknown age is in no range, and in the bands where they name UNKNOWN
		pass[FactIndex.UNKNOWN_AGE] = range == null && (bands == null || bands.contains(AgeBand.UNKNOWN));
		return pass;
	}

	private static List<String> names(List<? extends Enum<?>> values) {
		return values == null ? null : values.stream().map(Enum::name).toList();
	}

}
