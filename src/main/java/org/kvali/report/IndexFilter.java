package org.kvali.report;

import java.util.ArrayList;
import java.util.List;

/** A {@link ParticipationFilter} compiled against one index: for each filtered column, which of its ids pass. */
final class IndexFilter {

	private final int[][] columns;

	private final boolean[][] allowed;

	private final boolean[] roles = new boolean[ParticipationRole.values().length];

	private final int fromDay;

	private final int toDay;

	private final byte[] role;

	private final int[] startDay;

	IndexFilter(FactIndex index, ParticipationFilter filter) {
		this.role = index.role;
		this.startDay = index.startDay;
		filter.countedRoles().forEach(r -> this.roles[r.ordinal()] = true);
		this.fromDay = filter.from() == null ? Integer.MIN_VALUE : (int) filter.from().toEpochDay();
		this.toDay = filter.to() == null ? Integer.MAX_VALUE : (int) filter.to().toEpochDay();
		var columns = new ArrayList<int[]>();
		var allowed = new ArrayList<boolean[]>();
		add(index, Dimension.PROGRAMME, filter.programmes(), columns, allowed);
		add(index, Dimension.PROJECT, filter.projects(), columns, allowed);
		add(index, Dimension.REGION, filter.regions(), columns, allowed);
		add(index, Dimension.MUNICIPALITY, filter.municipalities(), columns, allowed);
		add(index, Dimension.VENUE_REGION, filter.venueRegions(), columns, allowed);
		add(index, Dimension.VENUE_MUNICIPALITY, filter.venueMunicipalities(), columns, allowed);
		add(index, Dimension.ORGANIZATION, filter.organizations(), columns, allowed);
		add(index, Dimension.ORGANIZATION_KIND, names(filter.organizationKinds()), columns, allowed);
		add(index, Dimension.GENDER, names(filter.genders()), columns, allowed);
		add(index, Dimension.ACTIVITY_KIND, names(filter.activityKinds()), columns, allowed);
		add(index, Dimension.ACTIVITY, filter.activities(), columns, allowed);
		if (filter.disability() != null) {
			add(index, Dimension.DISABILITY, List.of(filter.disability().toString()), columns, allowed);
		}
		if (filter.ageBands() != null) {
			var bands = new boolean[index.dictionaries.get(Dimension.AGE_BAND).size()];
			filter.ageBands().forEach(band -> bands[band.ordinal()] = true);
			columns.add(index.columns.get(Dimension.AGE_BAND));
			allowed.add(bands);
		}
		this.columns = columns.toArray(int[][]::new);
		this.allowed = allowed.toArray(boolean[][]::new);
	}

	boolean matches(int row) {
		if (!this.roles[this.role[row]] || this.startDay[row] < this.fromDay || this.startDay[row] > this.toDay) {
			return false;
		}
		for (int f = 0; f < this.columns.length; f++) {
			if (!this.allowed[f][this.columns[f][row]]) {
				return false;
			}
		}
		return true;
	}

	private static void add(FactIndex index, Dimension dimension, List<String> values, List<int[]> columns,
			List<boolean[]> allowed) {
		if (values == null) {
			return;
		}
		var dictionary = index.dictionaries.get(dimension);
		var pass = new boolean[dictionary.size()];
		for (var value : values) {
			int id = dictionary.find(value);
			if (id >= 0) {
				pass[id] = true;
			}
		}
		columns.add(index.columns.get(dimension));
		allowed.add(pass);
	}

	private static List<String> names(List<? extends Enum<?>> values) {
		return values == null ? null : values.stream().map(Enum::name).toList();
	}

}
