package org.kvali.access;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.report.SmallCells;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A donor's breakdowns up the chains of coarser values an activity lies in, and a partner's, audited as one who
 * knows each activity's project, venue, day, organizer and kind would (a donor may list the activities): made-up
 * activities of random sizes and genders, each person at one, so that every group shown is the sum of its activities'
 * women and men. No group of 1 to 4 people withheld may follow from the groups shown and the total, over all the
 * breakdowns of one chain asked at once: two steps up (an activity's programme, a month's year) are weighed through
 * the step between, whose values withheld are never the sum of their groups shown. Each mutation of the weighing
 * tried (a step left out of {@code Dimension.within}, or a line whose total is withheld elsewhere shown whole) told
 * small groups to the donor in 1 to 8 of the 12 programmes a test makes (an activity's organizer left out, in 1),
 * and a partner's filter never taken beyond its activities, to the partner in 12 of 12.
 */
@IntegrationTest
class CoarserChainsAuditTest {

	private static final int K = 5;

	/** The breakdowns asked in one document, within its limit of aliases. */
	private static final int ALIASES = 20;

	private static final List<String> PROJECTS = List.of("SUP-P1", "SUP-P2", "SUP-P3", "SUP-P4");

	private static final List<String> VENUES = List.of("GE-KK-MARNEULI", "GE-KK-BOLNISI", "GE-SJ-BORJOMI",
			"GE-SJ-ADIGENI", "");

	private static final List<LocalDate> DAYS = List.of(LocalDate.of(2025, 1, 10), LocalDate.of(2025, 2, 10),
			LocalDate.of(2025, 4, 10), LocalDate.of(2025, 5, 10), LocalDate.of(2025, 11, 10),
			LocalDate.of(2026, 2, 10));

	private static final List<Integer> SIZES = List.of(1, 2, 3, 4, 5, 6, 7, 9, 12);

	/** The chains: an activity and what it lies in, one step up and more. */
	private static final List<List<String>> CHAINS = List.of(List.of("ACTIVITY", "PROJECT", "PROGRAMME"),
			List.of("ACTIVITY", "VENUE_MUNICIPALITY", "VENUE_REGION"), List.of("ACTIVITY", "MONTH", "QUARTER", "YEAR"),
			List.of("ACTIVITY", "ORGANIZER"), List.of("ACTIVITY", "ACTIVITY_KIND"));

	@Autowired
	Callers callers;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void clean() {
		this.callers.deleteKeys();
		new SuppressionFixture(this.jdbc).clean();
	}

	@Test
	void noSmallGroupFollowsFromTheBreakdownsUpAChain() {
		assertNoneTold(null);
	}

	/**
	 * SCCSF, as a partner, sees the groups of the activities it runs in full: the people of those are known to it,
	 * and no small group of the others' people may follow.
	 */
	@Test
	void noSmallGroupOfOthersFollowsFromAPartnersBreakdownsUpAChain() {
		assertNoneTold("SCCSF");
	}

	/**
	 * What a donor, or a partner of the organization named, can work out from each chain's breakdowns of random
	 * made-up programmes, seeds 0 and on ({@code -Daudit.seeds}, 12 unless given), or, with
	 * {@code -Daudit.across=true}, from the breakdowns by all of the chains' dimensions at once, which cell
	 * suppression does not stop (README).
	 */
	private void assertNoneTold(String partner) {
		var caller = partner == null ? this.callers.as(Role.DONOR) : this.callers.as(Role.PARTNER, partner);
		var fixture = new SuppressionFixture(this.jdbc);
		var leaks = new ArrayList<String>();
		var seedsTelling = new LinkedHashSet<Integer>();
		int seeds = Integer.getInteger("audit.seeds", 12);
		var chains = Boolean.getBoolean("audit.across") ? List.of(CHAINS.stream().flatMap(List::stream).distinct()
			.toList()) : CHAINS;
		for (int seed = 0; seed < seeds; seed++) {
			fixture.clean();
			var activities = made(new Random(seed), fixture);
			for (var chain : chains) {
				for (var leak : leaks(caller, partner, activities, breakdowns(chain))) {
					leaks.add("seed " + seed + " " + chain + ": " + leak + " of " + activities);
					seedsTelling.add(seed);
				}
			}
		}
		assertThat(leaks).as("small groups told in %d of %d made-up programmes", seedsTelling.size(), seeds)
			.isEmpty();
	}

	/** The breakdowns of a chain: by gender, by each and by each two but two periods, alone and with gender. */
	private static List<List<String>> breakdowns(List<String> chain) {
		var breakdowns = new ArrayList<List<String>>();
		breakdowns.add(List.of("GENDER"));
		for (int first = 0; first < chain.size(); first++) {
			breakdowns.add(List.of(chain.get(first)));
			breakdowns.add(List.of(chain.get(first), "GENDER"));
			for (int second = first + 1; second < chain.size(); second++) {
				if (!(period(chain.get(first)) && period(chain.get(second)))) {
					breakdowns.add(List.of(chain.get(first), chain.get(second)));
					breakdowns.add(List.of(chain.get(first), chain.get(second), "GENDER"));
				}
			}
		}
		return breakdowns;
	}

	private static boolean period(String dimension) {
		return List.of("YEAR", "QUARTER", "MONTH").contains(dimension);
	}

	/** An activity made up: what a donor may know of it, and its women and men. */
	record Made(String code, String project, String venue, LocalDate day, String organizer, String kind,
			int women, int men) {

		/** The value of a group of its people, women ({@code man} false) or men. */
		String value(String dimension, boolean man) {
			return switch (dimension) {
				case "GENDER" -> man ? "MALE" : "FEMALE";
				case "ACTIVITY" -> this.code;
				case "PROJECT" -> this.project;
				case "PROGRAMME" -> PROJECTS.indexOf(this.project) < 2 ? "SUP-G1" : "SUP-G2";
				case "VENUE_MUNICIPALITY" -> this.venue.isEmpty() ? null : this.venue;
				case "VENUE_REGION" -> this.venue.isEmpty() ? null : this.venue.substring(0, 5);
				case "MONTH" -> "%d-%02d".formatted(this.day.getYear(), this.day.getMonthValue());
				case "QUARTER" -> this.day.getYear() + "-Q" + ((this.day.getMonthValue() + 2) / 3);
				case "YEAR" -> Integer.toString(this.day.getYear());
				case "ORGANIZER" -> this.organizer;
				case "ACTIVITY_KIND" -> this.kind;
				default -> throw new IllegalArgumentException(dimension);
			};
		}

		@Override
		public String toString() {
			return this.code + " " + this.project + " " + this.venue + " " + this.day + " " + this.organizer + " "
					+ this.kind + " " + this.women + "+" + this.men;
		}

		int people(boolean man) {
			return man ? this.men : this.women;
		}

	}

	private List<Made> made(Random random, SuppressionFixture fixture) {
		for (int p = 0; p < PROJECTS.size(); p++) {
			fixture.project(PROJECTS.get(p), p < 2 ? "SUP-G1" : "SUP-G2");
		}
		var activities = new ArrayList<Made>();
		int count = 5 + random.nextInt(8);
		for (int a = 0; a < count; a++) {
			int people = SIZES.get(random.nextInt(SIZES.size()));
			int women = random.nextInt(people + 1);
			var made = new Made("SUP-A%02d".formatted(a), PROJECTS.get(random.nextInt(PROJECTS.size())),
					VENUES.get(random.nextInt(VENUES.size())), DAYS.get(random.nextInt(DAYS.size())),
					random.nextBoolean() ? "CIF" : "SCCSF", random.nextBoolean() ? "MEETING" : "TRAINING", women,
					people - women);
			this.jdbc.update("""
					INSERT INTO activity (code, project_id, kind, title, start_date, end_date, organizer_id,
					    venue_municipality_code)
					SELECT ?, pj.id, ?, 'Made up', ?, ?, o.id, NULLIF(?, '') FROM project pj, organization o
					WHERE pj.code = ? AND o.code = ?""", made.code(), made.kind(), made.day(), made.day(),
					made.venue(), made.project(), made.organizer());
			for (int n = 0; n < people; n++) {
				fixture.person(made.code(), made.code() + "-" + n, n < women ? "FEMALE" : "MALE", null,
						"GE-KK-MARNEULI", 1990);
			}
			activities.add(made);
		}
		return activities;
	}

	/**
	 * The small groups of the breakdowns that follow from what the caller is shown of them all: each group shown and
	 * the total are equations over the activities' women and men, cell {@code 2a} and {@code 2a + 1} of activity a,
	 * and so is each cell of an activity the {@code partner} (where not null) runs. Of the groups, only the people of
	 * the others' activities are weighed.
	 */
	@SuppressWarnings("unchecked")
	private List<String> leaks(HttpGraphQlTester caller, String partner, List<Made> activities,
			List<List<String>> breakdowns) {
		var attack = new LinearAttack(2 * activities.size());
		var own = new boolean[2 * activities.size()];
		for (int cell = 0; cell < own.length; cell++) {
			own[cell] = activities.get(cell / 2).organizer().equals(partner);
			if (own[cell]) {
				var alone = new boolean[own.length];
				alone[cell] = true;
				attack.told(alone);
			}
		}
		var total = ((Map<String, Object>) asked(caller, List.of()).get("totals")).get("participants");
		int people = activities.stream().mapToInt(made -> made.women() + made.men()).sum();
		if (partner == null) {
			assertThat(total).isEqualTo(people < K ? null : people);
		}
		if (total != null) {
			assertThat(total).isEqualTo(people);
			attack.told(holding(activities, List.of(), List.of()));
		}
		for (int from = 0; from < breakdowns.size(); from += ALIASES) {
			var asked = breakdowns.subList(from, Math.min(breakdowns.size(), from + ALIASES));
			var report = asked(caller, asked);
			for (int b = 0; b < asked.size(); b++) {
				var by = asked.get(b);
				for (var group : (List<Map<String, Object>>) report.get("b" + b)) {
					var values = by.stream().map(dimension -> shownValue(group, dimension)).toList();
					var holding = holding(activities, by, values);
					assertThat(group.get("participants")).as(by + " " + values)
						.isEqualTo(people(activities, holding));
					attack.told(holding);
				}
			}
		}
		var leaks = new ArrayList<String>();
		for (var by : breakdowns) {
			var groups = new LinkedHashSet<List<String>>();
			for (var made : activities) {
				for (boolean man : new boolean[] { false, true }) {
					if (made.people(man) > 0) {
						groups.add(by.stream().map(dimension -> made.value(dimension, man)).toList());
					}
				}
			}
			for (var values : groups) {
				var holding = holding(activities, by, values);
				for (int cell = 0; cell < own.length; cell++) {
					holding[cell] &= !own[cell];
				}
				int participants = people(activities, holding);
				if (SmallCells.tooSmall(participants, K) && attack.tells(holding)) {
					leaks.add(by + " " + values + " of " + participants);
				}
			}
		}
		return leaks;
	}

	/** The caller's answer to the breakdowns, under aliases b0, b1 and on, and the totals. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> asked(HttpGraphQlTester caller, List<List<String>> breakdowns) {
		var document = new StringBuilder("{ participation(filter: {projects: " + quoted(PROJECTS)
				+ "}) { totals { participants } ");
		for (int b = 0; b < breakdowns.size(); b++) {
			document.append("b").append(b).append(": breakdown(first: 100, by: ").append(breakdowns.get(b))
				.append(") { ");
			for (var dimension : breakdowns.get(b)) {
				var field = field(dimension);
				document.append(field).append(switch (field) {
					case "activityKind", "gender" -> " ";
					case "period" -> " { key } ";
					default -> " { code } ";
				});
			}
			document.append("participants } ");
		}
		return caller.document(document + "} }").execute().path("participation").entity(Map.class).get();
	}

	/** The cells of a group of these values. */
	private static boolean[] holding(List<Made> activities, List<String> by, List<String> values) {
		var holding = new boolean[2 * activities.size()];
		for (int cell = 0; cell < holding.length; cell++) {
			var made = activities.get(cell / 2);
			holding[cell] = true;
			for (int d = 0; d < by.size(); d++) {
				holding[cell] &= Objects.equals(made.value(by.get(d), cell % 2 == 1), values.get(d));
			}
		}
		return holding;
	}

	private static int people(List<Made> activities, boolean[] holding) {
		int people = 0;
		for (int cell = 0; cell < holding.length; cell++) {
			people += holding[cell] ? activities.get(cell / 2).people(cell % 2 == 1) : 0;
		}
		return people;
	}

	@SuppressWarnings("unchecked")
	private static String shownValue(Map<String, Object> group, String dimension) {
		var value = group.get(field(dimension));
		return value instanceof Map<?, ?> object ? (String) ((Map<String, Object>) object)
			.getOrDefault("code", object.get("key")) : (String) value;
	}

	private static String field(String dimension) {
		return switch (dimension) {
			case "ACTIVITY" -> "activity";
			case "PROJECT" -> "project";
			case "PROGRAMME" -> "programme";
			case "VENUE_MUNICIPALITY" -> "venueMunicipality";
			case "VENUE_REGION" -> "venueRegion";
			case "ORGANIZER" -> "organizer";
			case "ACTIVITY_KIND" -> "activityKind";
			case "GENDER" -> "gender";
			default -> "period";
		};
	}

	private static String quoted(List<String> codes) {
		return codes.stream().map(code -> "\"" + code + "\"").collect(Collectors.joining(", ", "[", "]"));
	}

}
