package org.kvali.report;

/**
 * A {@link DenseScan}'s group keys as parts of a row's activity, organization and role alone, where nothing else goes
 * into them: a row's key is then {@code activityParts[a] + roleParts[role] + organizationParts[organization]}, the
 * same sum the scan adds up column by column. The groups' distinct activities are then counted over the rows in
 * activity order ({@link RowsByActivity}), each row's key worked out again from columns read in order, instead of
 * noting each row's slot in person order and reading the slots back at random ({@link RowSlots}).
 *
 * @param activityParts per activity number, its columns' and its own key parts (0 for an activity without rows)
 * @param roleParts per {@link ParticipationRole} ordinal, the role's part: the scan's 1 or left out, and ROLE's
 * @param organizationParts per organization number, its columns' and its own key parts; null when none are
 */
record ActivityOrderKeys(int[] activityParts, int[] roleParts, int[] organizationParts) {

	/**
	 * The parts of a scan of these row columns (the dimension of each, null for the start day) and their tables,
	 * these parts of roles, and of activities and organizations (each null where none); or null when a column
	 * describes a person or a row's age, which its activity, organization and role do not tell.
	 */
	static ActivityOrderKeys of(FactIndex index, Dimension[] dimensions, char[][] columns, int[][] tables,
			int[] roleParts, int[] activityKeys, int[] organizationKeys) {
		for (var dimension : dimensions) {
			if (dimension != null && Level.of(dimension) != Level.ACTIVITY
					&& Level.of(dimension) != Level.ORGANIZATION && dimension != Dimension.ROLE) {
				return null;
			}
		}
		var activityParts = new int[index.activities];
		for (int a = 0; a < index.activities; a++) {
			int first = index.activityStart[a];
			if (first == index.activityStart[a + 1]) {
				continue;
			}
			// a column of the activity holds its value in each of its rows: here, its first
			int row = index.activityRows[first];
			int part = activityKeys == null ? 0 : activityKeys[a];
			for (int c = 0; c < columns.length; c++) {
				if (dimensions[c] == null || Level.of(dimensions[c]) == Level.ACTIVITY) {
					part += tables[c][columns[c][row]];
				}
			}
			activityParts[a] = part;
		}
		var roles = roleParts.clone();
		var roleIds = RowColumns.roleIds(index.dictionaries.get(Dimension.ROLE));
		int[] organizationParts = organizationKeys == null ? null : organizationKeys.clone();
		for (int c = 0; c < columns.length; c++) {
			if (dimensions[c] == Dimension.ROLE) {
				for (int r = 0; r < roles.length; r++) {
					roles[r] += tables[c][roleIds[r]];
				}
			}
			else if (dimensions[c] != null && Level.of(dimensions[c]) == Level.ORGANIZATION) {
				if (organizationParts == null) {
					organizationParts = new int[index.organizationSlots];
				}
				int[] values = index.attributes.get(dimensions[c]);
				for (int o = 0; o < organizationParts.length; o++) {
					organizationParts[o] += tables[c][values[o]];
				}
			}
		}
		return new ActivityOrderKeys(activityParts, roles, organizationParts);
	}

}
