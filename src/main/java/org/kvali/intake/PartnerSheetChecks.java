package org.kvali.intake;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.kvali.access.PartnerScope;
import org.kvali.graphql.CodeRule;
import org.kvali.graphql.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a partner's sheet may name: its own organizations' projects, new activities or those they run, and people
 * new to Kvali or its own participants ({@link StagingChecks} asks these of a partner's sheet alone).
 */
@Repository
class PartnerSheetChecks {

	/** How many people a warning of many names. */
	private static final int NAMED = 3;

	private final JdbcClient jdbc;

	PartnerSheetChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Rows naming another's project, an activity another runs, or a person of other organizations. */
	void check(PartnerSheet partner, List<ImportMessage> errors) {
		foreignProjects(partner, errors);
		foreignActivities(partner, errors);
		othersPeople(partner, errors);
	}

	/** Each project not the partner's once, at its first row (a sheet of one gave the error on every row). */
	private void foreignProjects(PartnerSheet partner, List<ImportMessage> errors) {
		this.jdbc.sql("""
				SELECT min(r.row_no), r.project_code, count(*)
				FROM import_row r JOIN project p ON p.code = r.project_code
				WHERE p.id <> ALL(:allowed)
				GROUP BY r.project_code
				ORDER BY 1""")
			.param("allowed", partner.projectIds())
			.query((ResultSet rs) -> {
				errors.add(new ImportMessage(rs.getInt(1), Columns.PROJECT_CODE, rs.getString(2), "Project "
						+ rs.getString(2) + " is not one of your organizations' projects"
						+ ImportMessage.inRows(rs.getInt(3))));
			});
	}

	/**
	 * A partner loads only into new activities or those its organizations run; each other once, at its first row.
	 * One of its projects that an admin made without an organizer is no one's to load, and told so, not as another's
	 * (a tester's); one of another project is told as another's, as {@code activity(code)} tells nothing of it (its
	 * lack of an organizer was told, with advice the partner could not follow: a tester's).
	 */
	private void foreignActivities(PartnerSheet partner, List<ImportMessage> errors) {
		this.jdbc.sql("""
				SELECT min(r.row_no), r.activity_code,
				       a.stored_organizer_id IS NULL AND a.stored_project_id = ANY(:allowed), count(*)
				FROM import_row r JOIN import_activity a USING (activity_code)
				WHERE a.stored_id IS NOT NULL
				  AND (a.stored_organizer_id IS NULL OR a.stored_organizer_id <> ALL(:organizations))
				GROUP BY r.activity_code, a.stored_organizer_id, a.stored_project_id
				ORDER BY 1""")
			.param("organizations", partner.organizationIds())
			.param("allowed", partner.projectIds())
			.query((ResultSet rs) -> {
				errors.add(new ImportMessage(rs.getInt(1), Columns.ACTIVITY_CODE, rs.getString(2), "Activity "
						+ rs.getString(2) + (rs.getBoolean(3) ? " has no organizer, so no partner loads it; ask an"
								+ " admin to make your organization its organizer (updateActivity), or to add these"
								+ " participants"
								: " is not run by your organization; ask an admin to add these participants")
						+ ImportMessage.inRows(rs.getInt(4))));
			});
	}

	/**
	 * A partner adds only people new to Kvali, or its own participants: people who took part in an activity its
	 * organizations run, and in its own projects alone. Adding anyone else would show that person's details, as
	 * another organization recorded them, in the partner's full aggregates of its own activities. A row already
	 * stored is no addition: the partner's sheet sent again passes, though another partner has since named one of its
	 * people in a project it has no part in. Rows of another's activity, refused as such, are not asked about: whether
	 * the row was stored told whether the person had taken part in it.
	 */
	private static final String OTHERS_PEOPLE = """
			SELECT r.row_no, r.participant_ref, p.stored_id, %1$s AS elsewhere
			FROM import_row r JOIN import_person p USING (participant_ref) JOIN import_activity a USING (activity_code)
			WHERE p.stored_id IS NOT NULL AND (%1$s OR %2$s) AND %3$s
			  AND NOT EXISTS (SELECT 1 FROM participation x WHERE x.participant_id = p.stored_id
			                  AND x.activity_id = a.stored_id)""".formatted(PartnerSheet.inOtherProjects("p.stored_id"),
			PartnerSheet.notOwnParticipant("p.stored_id"), PartnerSheet.toldOf("a"));

	/** What a kept report has for the reference of another organization's person ({@link #kept}). */
	static final String NOT_KEPT = "(not kept)";

	private void othersPeople(PartnerSheet partner, List<ImportMessage> errors) {
		this.jdbc.sql(OTHERS_PEOPLE)
			.param("allowed", partner.projectIds())
			.param("organizations", partner.organizationIds())
			.query((ResultSet rs) -> {
				errors.add(othersPerson(rs.getInt(1), rs.getString(2), rs.getBoolean(4)));
			});
	}

	/** The refusal of a row naming a person of other organizations, who also took part {@code elsewhere} or not. */
	static ImportMessage othersPerson(int row, String ref, boolean elsewhere) {
		return new ImportMessage(row, Columns.PARTICIPANT_REF, ref, "Participant " + ref + (elsewhere
				? " also took part in projects your organizations have no part in"
				: " took part in no activity your organizations run") + "; ask an admin to add them");
	}

	/**
	 * The references (lower case) of other organizations' people the {@code errors} refused rows for
	 * ({@link #othersPerson}), which {@link #kept} takes out of a report's messages.
	 */
	static Set<String> othersRefused(List<ImportMessage> errors) {
		var refused = new HashSet<String>();
		for (var error : errors) {
			if (error.row() != null && error.value() != null && (error.equals(othersPerson(error.row(), error.value(),
					true)) || error.equals(othersPerson(error.row(), error.value(), false)))) {
				refused.add(error.value().toLowerCase(Locale.ROOT));
			}
		}
		return refused;
	}

	/**
	 * The messages as a report keeps them: without the references {@code refused} ({@link #othersRefused}), which
	 * the rows tell the sender, in the refusals nor in any other message. Kept, an erasure since took them out as
	 * "(erased)", and told the partner of an erasure it is told nothing of (a review's; a tester's, of the rows'
	 * disagreement on the person's gender, told at a row of another's activity too).
	 */
	static List<ImportMessage> kept(List<ImportMessage> messages, Set<String> refused) {
		return refused.isEmpty() ? messages : messages.stream()
			.map(message -> new ImportMessage(message.row(), message.column(), without(message.value(), refused),
					without(message.message(), refused)))
			.toList();
	}

	/**
	 * The text with each of the references (lower case) it holds whole, in any case, as {@link #NOT_KEPT}; not a row's
	 * number ("in row 2" of the reference 2). Word by word: a pattern of 10,000 references took 9.6 s over as many
	 * messages (a review's).
	 */
	private static String without(String text, Set<String> refs) {
		if (text == null) {
			return null;
		}
		var kept = new StringBuilder(text.length());
		int at = 0;
		while (at < text.length()) {
			int end = at;
			while (end < text.length() && CodeRule.codeChar(text.charAt(end))) {
				end++;
			}
			if (end == at) {
				kept.append(text.charAt(at++));
				continue;
			}
			var word = text.substring(at, end);
			boolean rowNumber = at >= 4 && text.startsWith("row ", at - 4)
					|| at >= 5 && text.startsWith("rows ", at - 5) || text.startsWith(" row", end);
			kept.append(!rowNumber && refs.contains(word.toLowerCase(Locale.ROOT)) ? NOT_KEPT : word);
			at = end;
		}
		return kept.toString();
	}

	/**
	 * A warning for the stored people of a partner's sheet whose details it keeps as stored ({@link
	 * PartnerScope#keptAsStored}), and one for those of each set of details an admin corrected, that it does not
	 * refuse ({@link #othersPeople}): those details in the sheet are neither compared nor stored. Only of people the
	 * sheet names at a new activity or one the partner runs, as the refusal.
	 */
	List<ImportMessage> keptAsStored(PartnerSheet partner) {
		// each reason as asked once per person when the sheet was matched (StoredMatches)
		var kept = this.jdbc.sql("""
				SELECT p.first_row, p.participant_ref, p.stored_elsewhere, p.stored_corrected FROM import_person p
				WHERE p.stored_id IS NOT NULL AND (p.stored_elsewhere OR p.stored_corrected <> '{}')
				  AND EXISTS (SELECT 1 FROM import_row r JOIN import_activity a USING (activity_code)
				              WHERE r.participant_ref = p.participant_ref AND %s)
				  AND p.stored_id NOT IN (SELECT stored_id FROM (%s) refused)
				ORDER BY p.first_row""".formatted(PartnerSheet.toldOf("a"), OTHERS_PEOPLE))
			.param("allowed", partner.projectIds())
			.param("organizations", partner.organizationIds())
			.query((rs, row) -> new Kept(rs.getInt(1), rs.getString(2),
					rs.getBoolean(3) ? null : List.of((String[]) rs.getArray(4).getArray())))
			.list();
		// once for each reason, naming up to three: one a person filled a list of 1,000 warnings, and what the sheet
		// changed was not listed (a tester's)
		var reasons = new LinkedHashMap<List<String>, List<Kept>>();
		kept.forEach(one -> reasons.computeIfAbsent(one.corrected() == null ? List.of()
				: PartnerScope.DETAILS.stream().filter(one.corrected()::contains).toList(), reason -> new ArrayList<>())
			.add(one));
		return reasons.entrySet().stream().map(reason -> {
			var people = reason.getValue();
			var first = people.get(0);
			var named = people.size() == 1 ? "Participant " + first.ref()
					: people.size() + " participants (" + Text.someOf(people.stream().limit(NAMED).map(Kept::ref)
						.toList(), people.size()) + ")";
			return new ImportMessage(first.row(), Columns.PARTICIPANT_REF, first.ref(), reason.getKey().isEmpty()
					? named + " also took part in other organizations' activities: their gender, birth year,"
							+ " disability and home municipality stay as stored, neither compared with this sheet's nor"
							+ " changed by them; their own organization is that of their latest activity"
					: corrected(named, reason.getKey(), people.size()));
		}).toList();
	}

	/** A stored person whose details the sheet keeps: their first row, reference and what an admin corrected. */
	private record Kept(int row, String ref, List<String> corrected) {
	}

	/** The words of each detail an admin may correct ({@link PartnerScope#DETAILS}), in that order. */
	private static final Map<String, String> DETAIL_WORDS = Map.of("gender", "gender", "birth_year", "birth year",
			"disability", "disability", "home_municipality", "home municipality", "organization",
			"organization at the activities already recorded");

	private static String corrected(String named, List<String> details, int people) {
		var words = details.stream().map(DETAIL_WORDS::get).toList();
		var listed = words.size() == 1 ? words.get(0)
				: String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
		// their own organization follows their latest activity all the same, which this sheet's may be: a tester
		// read the correction as undone
		return named + (people == 1 ? " was" : " were") + " corrected by an admin: their " + listed
				+ (words.size() == 1 ? " stays" : " stay") + " as stored, neither compared with this sheet's nor"
				+ " changed by it; ask an admin to change " + (words.size() == 1 ? "it" : "them")
				+ " (correctParticipant)"
				+ (details.contains("organization") ? "; their own organization follows their latest activity, one"
						+ " of this sheet's too" : "");
	}

}
