package org.kvali.report;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coarser values of a breakdown's finer ones, read through the finer values' places: three activities, the first
 * of project P1, the second's project not stored, the third of no project.
 */
class CoarserOfTest {

	private static final Object OTHERWISE = "not within";

	private final Map<Object, Integer> places = Map.of("A-1", 0, "A-2", 1, "A-3", 2);

	private final CoarserOf projects = new CoarserOf(this.places, new Object[] { "P1", CoarserOf.NOT_STORED, null });

	@Test
	void aFinerValueWhoseCoarserOneIsNotStoredIsNotInTheMap() {
		assertThat(this.projects.get("A-1")).isEqualTo("P1");
		assertThat(this.projects.containsKey("A-2")).isFalse();
		assertThat(this.projects.getOrDefault("A-2", OTHERWISE)).isEqualTo(OTHERWISE);
		// of no project: in the map, its coarser value null
		assertThat(this.projects.containsKey("A-3")).isTrue();
		assertThat(this.projects.getOrDefault("A-3", OTHERWISE)).isNull();
		assertThat(this.projects.getOrDefault("A-9", OTHERWISE)).isEqualTo(OTHERWISE);
		var expected = new HashMap<Object, Object>();
		expected.put("A-1", "P1");
		expected.put("A-3", null);
		assertThat(this.projects).isEqualTo(expected);
	}

	@Test
	void theFinerValuesPlacesAreLookedUpOnceForTheMapsThatShareThem() {
		var organizers = new CoarserOf(this.places, new Object[] { "ORG-1", "ORG-2", CoarserOf.NOT_STORED });
		Object[] finer = { "A-3", "A-9", "A-2", "A-1" };
		var read = new IdentityHashMap<Map<Object, Integer>, CoarserOf.Places>();
		assertThat(CoarserOf.of(this.projects, finer, OTHERWISE, read)).containsExactly(null, OTHERWISE, OTHERWISE,
				"P1");
		assertThat(read).hasSize(1);
		var places = read.get(this.places);
		assertThat(places.places()).containsExactly(2, -1, 1, 0);
		assertThat(CoarserOf.of(organizers, finer, OTHERWISE, read)).containsExactly(OTHERWISE, OTHERWISE, "ORG-2",
				"ORG-1");
		assertThat(read.get(this.places)).isSameAs(places);
		// other finer values are looked up again
		assertThat(CoarserOf.of(organizers, new Object[] { "A-1" }, OTHERWISE, read)).containsExactly("ORG-1");
		// a map of its own is read as a map
		assertThat(CoarserOf.of(Map.of("A-1", "P1"), finer, OTHERWISE, read)).containsExactly(OTHERWISE, OTHERWISE,
				OTHERWISE, "P1");
	}

}
