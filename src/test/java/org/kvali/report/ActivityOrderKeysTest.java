package org.kvali.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.organization.OrganizationKind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Distinct activities of groups too many for bit sets, counted over the rows in activity order from their activity,
 * organization and role ({@link ActivityOrderKeys}) where nothing of a person goes into the groups, are those of the
 * SQL path, over the demo data.
 */
@IntegrationTest
class ActivityOrderKeysTest {

	private static final MeasureSet ACTIVITIES = new MeasureSet(true, false);

	@Autowired
	ReportCounts counts;

	@Autowired
	FactIndexLoader loader;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	private int bitSets;

	private int sparseShare;

	@BeforeEach
	void noBitSetsAndEveryRowRead() {
		// every group's distinct activities by the rows' slots in a scan of every row, as at 10 million
		// participations, whatever share of the rows the filter's activities hold
		this.bitSets = Seen.Bits.most;
		this.sparseShare = IndexScan.sparseShare;
		Seen.Bits.most = 0;
		IndexScan.sparseShare = Integer.MAX_VALUE;
	}

	@AfterEach
	void settingsBack() {
		Seen.Bits.most = this.bitSets;
		IndexScan.sparseShare = this.sparseShare;
	}

	@Test
	void activitiesPerOrganizationAreCountedInActivityOrderAsStored() {
		var index = this.loader.load(null);
		var groups = breakdown(Optional.of(index), ParticipationFilter.ALL, List.of(Dimension.ORGANIZATION),
				ACTIVITIES);
		assertThat(index.rowsByActivity.bytes()).as("the rows' columns in activity order were read")
			.isEqualTo(5L * index.rows);
		Map<String, Integer> stored = this.jdbc.query("""
				SELECT organization_code, count(DISTINCT activity_id) FROM participation_fact
				WHERE role = 'PARTICIPANT' AND organization_code IS NOT NULL GROUP BY organization_code""",
				(rs, row) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(stored).hasSizeGreaterThan(10);
		assertThat(stored.values()).anySatisfy(activities -> assertThat(activities).isGreaterThan(1));
		assertThat(groups.stream()
			.filter(group -> group.organizationCode() != null)
			.collect(Collectors.toMap(ParticipationGroup::organizationCode, ParticipationGroup::activities)))
			.isEqualTo(stored);
	}

	@Test
	void groupsOfActivitiesOrganizationsAndRolesUnderFiltersOfThemAreThoseOfTheSqlPath() {
		var venue = this.jdbc.queryForObject("""
				SELECT venue_region FROM participation_fact GROUP BY venue_region ORDER BY count(*) DESC LIMIT 1""",
				String.class);
		var roles = List.of(ParticipationRole.PARTICIPANT, ParticipationRole.TRAINER, ParticipationRole.ORGANIZER);
		var cases = List.of(
				new Case(filter(null, null, roles, LocalDate.of(2024, 3, 1), LocalDate.of(2025, 6, 30)),
						List.of(Dimension.ORGANIZATION, Dimension.ROLE), MeasureSet.ALL),
				new Case(filter(null, List.of(OrganizationKind.CSO), null, null, null),
						List.of(Dimension.ORGANIZER, Dimension.ORGANIZATION_KIND), ACTIVITIES),
				new Case(filter(List.of(venue), null, null, null, null),
						List.of(Dimension.ORGANIZATION, Dimension.QUARTER), ACTIVITIES),
				new Case(ParticipationFilter.ALL, List.of(Dimension.PROJECT, Dimension.ORGANIZATION), MeasureSet.ALL));
		// organizations and start days looked up, through the scan's key parts of activities and organizations,
		// instead of read from copies in the rows
		var lookedUp = new FactIndexLoader(this.dataSource, this.transactions,
				new IndexSettings(16, 4096, 4, ScanMemory.defaultLimit()));
		int small = ScanParts.smallScan;
		try {
			for (var question : cases) {
				var sql = breakdown(Optional.empty(), question.filter(), question.by(), question.measures());
				for (int smallScan : new int[] { small, 0 }) {
					// counted in one part, then in several at once
					ScanParts.smallScan = smallScan;
					for (var loader : List.of(this.loader, lookedUp)) {
						var index = loader.load(null);
						var fast = breakdown(Optional.of(index), question.filter(), question.by(), question.measures());
						assertThat(index.rowsByActivity.bytes()).as("%s read in activity order", question)
							.isEqualTo(5L * index.rows);
						assertThat(fast).as("%s by %s, parts from %d rows", question.filter(), question.by(), smallScan)
							.isEqualTo(sql)
							.anySatisfy(group -> assertThat(group.activities()).isGreaterThan(1));
					}
				}
			}
		}
		finally {
			ScanParts.smallScan = small;
		}
	}

	@Test
	void groupsByWhatDescribesAPersonAreCountedByTheRowsSlots() {
		var index = this.loader.load(null);
		var by = List.of(Dimension.ORGANIZATION, Dimension.GENDER);
		var fast = breakdown(Optional.of(index), ParticipationFilter.ALL, by, ACTIVITIES);
		assertThat(index.rowsByActivity.bytes()).as("nothing in activity order").isZero();
		assertThat(fast).isEqualTo(breakdown(Optional.empty(), ParticipationFilter.ALL, by, ACTIVITIES));
		var women = new ParticipationFilter(null, null, null, null, null, null, null, null, List.of(Gender.FEMALE),
				null, null, null, null, null, null, null, null, null, null);
		assertThat(breakdown(Optional.of(index), women, List.of(Dimension.ORGANIZATION), ACTIVITIES))
			.isEqualTo(breakdown(Optional.empty(), women, List.of(Dimension.ORGANIZATION), ACTIVITIES))
			.isNotEmpty();
		assertThat(index.rowsByActivity.bytes()).isZero();
	}

	private record Case(ParticipationFilter filter, List<Dimension> by, MeasureSet measures) {
	}

	private List<ParticipationGroup> breakdown(Optional<FactIndex> index, ParticipationFilter filter,
			List<Dimension> by, MeasureSet measures) {
		return this.counts.breakdown(index, filter, by, Grouping.CALENDAR, List.of(), null, measures,
				ReportService.MAX_SUPPRESSED_GROUPS);
	}

	private static ParticipationFilter filter(List<String> venueRegions, List<OrganizationKind> kinds,
			List<ParticipationRole> roles, LocalDate from, LocalDate to) {
		return new ParticipationFilter(null, null, null, null, venueRegions, null, null, kinds, null, null, null,
				null, null, null, null, roles, from, to, null);
	}

}
