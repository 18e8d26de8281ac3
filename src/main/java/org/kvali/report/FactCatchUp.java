package org.kvali.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.kvali.report.FactIndexLoader.ACTIVITIES;
import static org.kvali.report.FactIndexLoader.ORGANIZATIONS;
import static org.kvali.report.FactIndexLoader.PARTICIPATIONS;
import static org.kvali.report.FactIndexLoader.PERSONS;

/**
 * Catches a report index up with what the notes in {@code fact_change} say changed since it was built ({@link
 * ChangeNotes}): rows inserted are read and appended to its tables, rows corrected are read again and put in place,
 * participations and people deleted are taken out, activities and organizations deleted are kept without rows. When
 * anything else changed, or the rows read are not those noted, {@link FactIndexLoader} reads everything instead.
 */
final class FactCatchUp {

	private static final Logger log = LoggerFactory.getLogger(FactCatchUp.class);

	private static final String NEW_ORGANIZATIONS = ChangeNotes.inserted(ORGANIZATIONS, "id", "organization");

	private static final String NEW_ACTIVITIES = ChangeNotes.inserted(ACTIVITIES, "a.id", "activity");

	private static final String NEW_PERSONS = ChangeNotes.inserted(PERSONS, "pt.id", "participant");

	private static final String NEW_PARTICIPATIONS = ChangeNotes.inserted(PARTICIPATIONS, "id", "participation");

	private static final String CORRECTED_ACTIVITIES = ChangeNotes.corrected(ACTIVITIES, "a.id", "activity");

	private static final String CORRECTED_PERSONS = ChangeNotes.corrected(PERSONS, "pt.id", "participant");

	private static final String CORRECTED_PARTICIPATIONS = ChangeNotes.corrected(PARTICIPATIONS, "id", "participation");

	private static final String CORRECTED_ORGANIZATIONS = ChangeNotes.corrected(ORGANIZATIONS, "id", "organization");

	/**
	 * The people affiliated with the corrected organizations ({@code participant.organization_id}): those without a
	 * home municipality are counted in its region.
	 */
	private static final String PERSONS_OF_CORRECTED_ORGANIZATIONS = ChangeNotes.corrected(PERSONS,
			"pt.organization_id", "organization");

	private FactCatchUp() {
	}

	/** Builds an index over the tables and rows read, as {@link FactIndexLoader} builds one. */
	interface Build {

		FactIndex of(long version, long lastChange, SourceTable organizations, SourceTable activities,
				SourceTable persons, EntityIds ids, FactRows facts);

	}

	/**
	 * The previous index's tables and rows with the rows added and corrected since; null when something else changed,
	 * or the rows read are not those noted. The previous index gives its tables up: they are appended to and
	 * corrected, and a failure leaves it without them.
	 */
	static FactIndex from(Connection connection, long version, long lastChange, FactIndex previous,
			Runnable continueUnlessStopped, Build build) throws SQLException {
		long started = System.nanoTime();
		var sources = previous.sources.takeSources();
		var changes = sources == null ? null : ChangeNotes.since(connection, sources.lastChange(), lastChange);
		if (changes == null) {
			return null;
		}
		if (changes.none()) {
			var index = previous.at(version);
			index.sources.keepSources(new FactIndexLoader.Sources(sources.organizations(), sources.activities(),
					sources.persons(), lastChange));
			log.info("Report index of data version {} holds what changed since {}: nothing it reads", version,
					previous.version);
			return index;
		}
		var corrections = changes.corrected();
		var deletions = changes.deleted();
		if (corrections.getOrDefault("participation", 0L) > previous.rows / 2
				|| corrections.getOrDefault("participant", 0L) > sources.persons().size() / 2
				|| deletions.getOrDefault("participation", 0L) > previous.rows / 2) {
			// read in the index's order, most of a table takes longer than all of it in the table's (193,243
			// participations spread over 10 million: 11.6 to 12.0 s by their range, 6.5 to 11.4 s reading everything)
			log.info("The corrections or deletions since span most of the participations or people; reading"
					+ " everything");
			return null;
		}
		try (var statement = connection.prepareStatement("SELECT set_config('kvali.index_since', ?, true)")) {
			statement.setString(1, Long.toString(sources.lastChange()));
			statement.execute();
		}
		var organizations = sources.organizations();
		var activities = sources.activities();
		var persons = sources.persons();
		var added = changes.inserted();
		var goneRows = deleted(connection, deletions, "participation");
		var gonePeople = deleted(connection, deletions, "participant");
		var goneActivities = deleted(connection, deletions, "activity");
		var goneOrganizations = deleted(connection, deletions, "organization");
		continueUnlessStopped.run();
		// a row inserted and deleted since is not read with the new rows, nor among the previous index's
		if (!appended(connection, NEW_ORGANIZATIONS, organizations,
				added.getOrDefault("organization", 0L) - insertedSince(goneOrganizations))
				|| !appended(connection, NEW_ACTIVITIES, activities,
						added.getOrDefault("activity", 0L) - insertedSince(goneActivities))
				|| !appended(connection, NEW_PERSONS, persons,
						added.getOrDefault("participant", 0L) - insertedSince(gonePeople))) {
			log.warn("The rows read did not match the change notes; reading everything");
			return null;
		}
		var ids = new EntityIds(organizations, activities, persons);
		continueUnlessStopped.run();
		int correctedOrganizations = corrections.containsKey("organization")
				? putInPlace(connection, CORRECTED_ORGANIZATIONS, organizations, ids.organizations()) : 0;
		int theirPersons = corrections.containsKey("organization")
				? putInPlace(connection, PERSONS_OF_CORRECTED_ORGANIZATIONS, persons, ids.persons()) : 0;
		int correctedActivities = corrections.containsKey("activity")
				? putInPlace(connection, CORRECTED_ACTIVITIES, activities, ids.activities()) : 0;
		int correctedPersons = corrections.containsKey("participant")
				? putInPlace(connection, CORRECTED_PERSONS, persons, ids.persons()) : 0;
		if (correctedOrganizations < 0 || theirPersons < 0 || correctedActivities < 0 || correctedPersons < 0) {
			return notInIndex();
		}
		long rows = added.getOrDefault("participation", 0L) - insertedSince(goneRows);
		continueUnlessStopped.run();
		var facts = new FactRows(previous, (int) rows, persons.size());
		if (!removed(facts, ids, goneRows, gonePeople) || !emptied(facts, ids, goneActivities, activities)) {
			return notInIndex();
		}
		int correctedParticipations = corrections.containsKey("participation")
				? facts.correct(connection, CORRECTED_PARTICIPATIONS, ids) : 0;
		if (correctedParticipations < 0 || !dissolved(facts, ids, goneOrganizations, activities)) {
			return notInIndex();
		}
		int corrected = correctedOrganizations + theirPersons + correctedActivities + correctedPersons
				+ correctedParticipations;
		CopyRows.read(connection, NEW_PARTICIPATIONS, fields -> facts.add(ids, fields));
		if (facts.rows != previous.rows + rows) {
			log.warn("The rows read did not match the change notes; reading everything");
			return null;
		}
		long read = System.nanoTime();
		var index = build.of(version, lastChange, organizations, activities, persons, ids, facts);
		log.info("Report index caught up: {} new participations, {} new persons and {} rows of corrections read, {}"
				+ " participations, {} persons, {} activities and {} organizations deleted, in {} ms, columns {} ms",
				rows, added.getOrDefault("participant", 0L), corrected, goneRows.size(), gonePeople.size(),
				goneActivities.size(), goneOrganizations.size(),
				(read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
		return index;
	}

	private static FactIndex notInIndex() {
		log.warn("A corrected or deleted row, or what it refers to, is not in the report index; reading everything");
		return null;
	}

	/** The rows of {@code table} deleted since ({@link ChangeNotes#deleted}), read where {@code deletions} has any. */
	private static List<ChangeNotes.Deleted> deleted(Connection connection, Map<String, Long> deletions, String table)
			throws SQLException {
		return deletions.containsKey(table) ? ChangeNotes.deleted(connection, table) : List.of();
	}

	private static long insertedSince(List<ChangeNotes.Deleted> deleted) {
		return deleted.stream().filter(ChangeNotes.Deleted::insertedSince).count();
	}

	/**
	 * Leaves out of {@code facts} the previous index's participations deleted since; false when one is not among its
	 * rows, or a person deleted since is not, or keeps a row.
	 */
	private static boolean removed(FactRows facts, EntityIds ids, List<ChangeNotes.Deleted> rows,
			List<ChangeNotes.Deleted> people) {
		var before = rows.stream().filter(row -> !row.insertedSince()).toList();
		var persons = new int[before.size()];
		var activities = new int[before.size()];
		for (int i = 0; i < persons.length; i++) {
			persons[i] = ids.persons().find(before.get(i).person());
			activities[i] = ids.activities().find(before.get(i).activity());
		}
		var gone = people.stream()
			.filter(person -> !person.insertedSince())
			.mapToInt(person -> ids.persons().find(person.id()))
			.toArray();
		return facts.remove(persons, activities) && facts.noneLeft(gone);
	}

	/**
	 * Marks the previous index's activities deleted since as such in {@code table}; false when one is not among them,
	 * or keeps a row (the database refuses to delete an activity with participations, so they were deleted before).
	 */
	private static boolean emptied(FactRows facts, EntityIds ids, List<ChangeNotes.Deleted> deleted,
			SourceTable table) {
		var gone = deleted.stream()
			.filter(activity -> !activity.insertedSince())
			.mapToInt(activity -> ids.activities().find(activity.id()))
			.toArray();
		if (!facts.noneAt(gone)) {
			return false;
		}
		for (int a : gone) {
			table.delete(a);
		}
		return true;
	}

	/**
	 * Whether the previous index's organizations deleted since keep no row and run no activity that is not deleted,
	 * its rows and activities as corrected since; false when one is not among them. A deleted organization stays
	 * among them, counted nowhere, as a deleted person does: the database refuses to delete one that a participation,
	 * person or activity names, so a merge moved those first, and they were read again above.
	 */
	private static boolean dissolved(FactRows facts, EntityIds ids, List<ChangeNotes.Deleted> deleted,
			SourceTable activities) {
		var gone = deleted.stream()
			.filter(organization -> !organization.insertedSince())
			.mapToLong(ChangeNotes.Deleted::id)
			.boxed()
			.collect(Collectors.toSet());
		if (gone.isEmpty()) {
			return true;
		}
		var numbers = gone.stream().mapToInt(id -> ids.organizations().find(id) + 1).toArray();
		if (Arrays.stream(numbers).anyMatch(n -> n == 0) || !facts.noneWith(numbers)) {
			return false;
		}
		var runBy = activities.column(8, 0, 0, organizer -> gone.contains(Long.parseLong(organizer)) ? 1 : 0);
		var deletedActivities = activities.deleted();
		for (int a = 0; a < runBy.length; a++) {
			if (runBy[a] == 1 && !deletedActivities.get(a)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Reads the rows corrected since ({@link ChangeNotes#corrected}: by their ids, or the ranges of large corrections
	 * with the unchanged rows between) and puts each in place of its row in {@code table}; how many were read, or a
	 * negative number when one is not in the table.
	 */
	private static int putInPlace(Connection connection, String sql, SourceTable table, DenseIds ids)
			throws SQLException {
		int[] read = { 0 };
		CopyRows.read(connection, sql, fields -> {
			if (read[0] >= 0) {
				read[0] = table.replace(ids.find(fields.number(0)), fields) ? read[0] + 1 : Integer.MIN_VALUE;
			}
		});
		return read[0];
	}

	private static boolean appended(Connection connection, String sql, SourceTable table, long expected)
			throws SQLException {
		int before = table.size();
		CopyRows.read(connection, sql, table::add);
		return table.size() - before == expected;
	}

}
