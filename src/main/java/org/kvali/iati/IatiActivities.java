package org.kvali.iati;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.kvali.indicator.IndicatorResult;
import org.kvali.organization.Organization;
import org.kvali.programme.PartnerRole;
import org.kvali.programme.Programme;
import org.kvali.programme.Project;
import org.kvali.programme.ProjectPartner;

/**
 * What the IATI file of a programme holds: the programme as a parent activity (hierarchy 1) with its own results, and
 * each project as a child activity (hierarchy 2) with the project's results, linked both ways, so that no result is
 * given twice. Every activity is reported by the programme's publisher, as IATI has one reporting organization in a
 * file (a project's lead reported its own: a review's), and an identifier begins with its reference: it stays as
 * published while the publisher does (the programme's was its first project's lead's, so a new project or a lead
 * removed renamed it). What IATI requires and the data lacks is named, activity by activity, before anything is
 * written ({@link Unpublishable}).
 */
final class IatiActivities {

	static final String FUNDING = "1";

	static final String IMPLEMENTING = "4";

	/** An organization taking part, in an IATI role. */
	record Participant(Organization organization, String role) {
	}

	/** Another activity of the file: its parent (type 1) or a child (type 2). */
	record Related(String identifier, String type) {
	}

	/**
	 * An activity of the file, with its planned dates and its actual ones ({@link IatiDates}): null where it has not
	 * begun or ended.
	 */
	record Activity(String identifier, String hierarchy, Organization reporting, String title, String titleKa,
			String description, List<Participant> participants, LocalDate start, LocalDate end, LocalDate actualStart,
			LocalDate actualEnd, List<IatiLocations.Place> places, List<Related> related,
			List<IndicatorResult> results) {
	}

	/** The programme and its projects are data IATI cannot carry: each problem names the activity and what it lacks. */
	static final class Unpublishable extends RuntimeException {

		Unpublishable(List<String> problems) {
			super("The programme cannot be written as IATI activities: " + String.join("; ", problems));
		}

	}

	private IatiActivities() {
	}

	/** The parent activity first, then the projects in their order. */
	static List<Activity> of(Programme programme, List<Project> projects, Map<Long, List<ProjectPartner>> partners,
			List<Long> donorIds, Map<Long, Organization> organizations, Map<String, List<IatiLocations.Place>> places,
			IatiDates dates, List<IndicatorResult> results) {
		var problems = new ArrayList<String>();
		var leads = projects.stream().map(Project::leadOrganizationId).filter(Objects::nonNull).distinct()
			.map(organizations::get).filter(Objects::nonNull).toList();
		var reporting = programme.publisherId() == null ? null : organizations.get(programme.publisherId());
		if (reporting == null) {
			problems.add("programme " + programme.code() + " has no publisher, the organization reporting its IATI "
					+ "activities (updateProgramme's publisher)");
		}
		var donors = donorIds.stream().map(organizations::get).filter(Objects::nonNull)
			.map(donor -> new Participant(donor, FUNDING)).toList();
		var parentIdentifier = identifier(reporting, programme.code());
		var children = new ArrayList<Activity>();
		for (var project : projects) {
			var lead = project.leadOrganizationId() == null ? null : organizations.get(project.leadOrganizationId());
			var participants = new ArrayList<>(donors);
			if (lead != null) {
				participants.add(new Participant(lead, IMPLEMENTING));
			}
			// an associate supports a project without implementing it, the one role IATI has for a partner
			partners.getOrDefault(project.id(), List.of()).stream()
				.filter(partner -> partner.role() != PartnerRole.ASSOCIATE)
				.map(partner -> organizations.get(partner.organizationId()))
				.filter(partner -> partner != null && !partner.equals(lead))
				.forEach(partner -> participants.add(new Participant(partner, IMPLEMENTING)));
			var start = project.startDate() != null ? project.startDate() : programme.startDate();
			var end = project.endDate() != null ? project.endDate() : programme.endDate();
			check("project " + project.code(), participants, start, "no start date, nor has its programme",
					problems);
			// one file, one reporting organization (IATI's rule for a file): the publisher reports every project, its
			// lead implementing it; a lead had reported its own, and its identifier changed with the lead (a review's)
			children.add(new Activity(identifier(reporting, project.code()), "2", reporting, project.name(),
					project.nameKa(),
					"A project of " + programme.name(), participants, start, end, dates.started(project.code()),
					dates.ended(project.code(), end), places.getOrDefault(project.code(), List.of()),
					List.of(new Related(parentIdentifier, "1")),
					results.stream().filter(result -> project.code().equals(result.projectCode())).toList()));
		}
		var participants = new ArrayList<>(donors);
		leads.forEach(lead -> participants.add(new Participant(lead, IMPLEMENTING)));
		check("programme " + programme.code(), participants, programme.startDate(), "no start date", problems);
		// an identifier names one activity: a project coded as its programme, or OSZ-X's project Y beside OSZ's X-Y,
		// gave two activities one (a tester's)
		var named = new HashMap<String, String>();
		named.put(parentIdentifier, "programme " + programme.code());
		for (int i = 0; i < children.size(); i++) {
			var other = named.putIfAbsent(children.get(i).identifier(), "project " + projects.get(i).code());
			if (other != null) {
				problems.add("project " + projects.get(i).code() + " and " + other + " would both be identified as "
						+ children.get(i).identifier() + ": give one of them another code");
			}
		}
		if (!problems.isEmpty()) {
			throw new Unpublishable(problems);
		}
		var activities = new ArrayList<Activity>();
		activities.add(new Activity(parentIdentifier, "1", reporting, programme.name(), programme.nameKa(),
				programme.description() != null ? programme.description() : programme.name(), participants,
				programme.startDate(), programme.endDate(), dates.started(null),
				dates.ended(null, programme.endDate()), List.of(),
				children.stream().map(child -> new Related(child.identifier(), "2")).toList(),
				results.stream().filter(result -> result.projectCode() == null).toList()));
		activities.addAll(children);
		return activities;
	}

	/**
	 * Refuses the activities {@link #of} made of the programme and its projects where one is identified as an activity
	 * of another programme is ({@code elsewhere}: each identifier in lower case, with what it names), which IATI would
	 * take for one activity.
	 */
	static void uniqueAmong(List<Activity> activities, Programme programme, List<Project> projects,
			Map<String, String> elsewhere) {
		var problems = new ArrayList<String>();
		for (int i = 0; i < activities.size(); i++) {
			var identifier = activities.get(i).identifier();
			var other = elsewhere.get(identifier.toLowerCase(Locale.ROOT));
			if (other != null) {
				problems.add((i == 0 ? "programme " + programme.code() : "project " + projects.get(i - 1).code())
						+ " would be identified as " + identifier + ", as " + other + " is: give one of them another"
						+ " code");
			}
		}
		if (!problems.isEmpty()) {
			throw new Unpublishable(problems);
		}
	}

	/**
	 * IATI needs an organization taking part and a start of every activity (a planned or actual start date): a
	 * programme given its end alone was written with none.
	 */
	private static void check(String activity, List<Participant> participants, LocalDate start, String noStart,
			List<String> problems) {
		if (participants.isEmpty()) {
			problems.add(activity + " has no organization taking part (no donor of the programme, no lead, no partner "
					+ "other than an associate)");
		}
		if (start == null) {
			problems.add(activity + " has " + noStart);
		}
	}

	/** The reporting organization's reference, then the code: IATI identifiers begin with their publisher's. */
	private static String identifier(Organization reporting, String code) {
		return reporting == null ? code : identifier(ref(reporting), code);
	}

	static String identifier(String reportingRef, String code) {
		return reportingRef + "-" + code;
	}

	/** How the file names an organization: by its IATI identifier, where set, else by its code. */
	static String ref(Organization organization) {
		return ref(organization.iatiRef(), organization.code());
	}

	static String ref(String iatiRef, String code) {
		return iatiRef != null ? iatiRef : code;
	}

}
