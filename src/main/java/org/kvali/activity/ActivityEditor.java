package org.kvali.activity;

import java.util.List;
import java.util.Set;

import org.kvali.access.Access;
import org.kvali.access.Caller;
import org.kvali.access.PartnerScope;
import org.kvali.access.Role;
import org.kvali.geography.GeographyService;
import org.kvali.graphql.ConflictException;
import org.kvali.graphql.ExplicitNulls;
import org.kvali.graphql.Validation;
import org.kvali.organization.OrganizationService;
import org.kvali.programme.Programme;
import org.kvali.programme.ProgrammeService;
import org.kvali.programme.Project;
import org.kvali.sql.WritersQueue;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes activities, checking every field before writing ({@link ActivityDeletion} deletes them). */
@Service
@Transactional
class ActivityEditor {

	private static final int MAX_TOPICS = 50;

	private final ActivityService activities;

	private final ProgrammeService programmes;

	private final OrganizationService organizations;

	private final GeographyService geography;

	private final JdbcClient jdbc;

	private final PartnerScope scope;

	private final ActivityOrganizers organizers;

	private final ActivityMoves moves;

	private final ActivityDates dates;

	ActivityEditor(ActivityService activities, ProgrammeService programmes, OrganizationService organizations,
			GeographyService geography, PartnerScope scope, JdbcClient jdbc, ActivityOrganizers organizers,
			ActivityMoves moves, ActivityDates dates) {
		this.moves = moves;
		this.dates = dates;
		this.organizers = organizers;
		this.scope = scope;
		this.activities = activities;
		this.programmes = programmes;
		this.organizations = organizations;
		this.geography = geography;
		this.jdbc = jdbc;
	}

	Activity create(ActivityInputs.Create input) {
		var caller = Access.require(Role.ADMIN, Role.PARTNER);
		// no change of the project's partners comes between the check of its organizer and the insert
		WritersQueue.join(this.jdbc);
		var project = this.programmes.projectsByCode(List.of(input.project())).get(input.project());
		if (project != null) {
			this.scope.requireProject(project.id(), project.code());
		}
		var validation = new Validation().code("input.code", input.code())
			.line("input.title", input.title(), true, 500)
			.dates("input.endDate", input.startDate(), input.endDate())
			.known("input.project", "project", List.of(input.project()),
					project == null ? List.of() : List.of(input.project()), this.programmes::projectCodeInAnotherCase);
		if (project != null) {
			ActivityDates.checkStart(project, programme(project), input.startDate(), true, validation);
			ActivityDates.checkEnd(project, programme(project), input.endDate(), true, validation);
		}
		var named = common(validation, caller, input.titleKa(), input.venue(), input.venueName(), input.organizer(),
				input.topics());
		this.organizers.check(named, input.organizer(), project);
		// a partner's activity is run by its organization unless it names another of its own, as from a sheet: one
		// without an organizer would be none of its own to change
		var organizer = named == null && caller.is(Role.PARTNER) && project != null
				? this.organizers.organizerFor(caller, project) : named;
		// taken in any case; the error names the spelling stored, of an activity the caller may list
		this.activities.listedCode(input.code()).ifPresent(stored -> {
			throw new ConflictException("activity", "input.code", input.code(), stored);
		});
		if (!this.activities.activitiesByCode(List.of(input.code())).isEmpty()) {
			throw new ConflictException("activity", "input.code", input.code());
		}
		try {
			this.jdbc.sql("""
					INSERT INTO activity (code, project_id, kind, title, title_ka, start_date, end_date,
					                      venue_municipality_code, venue_name, organizer_id, topics)
					VALUES (:code, :project, :kind, :title, :titleKa, :start, :end, :venue, :venueName, :organizer,
					        CAST(:topics AS text[]))""")
				.param("code", input.code()).param("project", project.id()).param("kind", input.kind().name())
				.param("title", input.title()).param("titleKa", input.titleKa()).param("start", input.startDate())
				.param("end", input.endDate()).param("venue", input.venue()).param("venueName", input.venueName())
				.param("organizer", organizer)
				.param("topics", (input.topics() == null ? List.<String>of() : input.topics()).toArray(String[]::new))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("activity", "input.code", input.code());
		}
		return this.activities.activity(input.code());
	}

	/**
	 * Changes the fields given; of those given as null ({@code nulls}), clears the Georgian title, venue, place,
	 * organizer (an admin) and topics, and refuses the others.
	 */
	Activity update(String code, ActivityInputs.Update input, Set<String> nulls) {
		var caller = Access.require(Role.ADMIN, Role.PARTNER);
		// the activity as it stands after any sheet or change before this one: a partner's check that its
		// organization runs it holds until the update, no person joins it between the checks and the update, nor
		// before their organizations follow a move
		WritersQueue.join(this.jdbc);
		var stored = this.activities.changeable("code", code);
		var project = project(stored);
		var validation = new Validation().lineToKeep("input.title", input.title(), 500)
			.changedDates(input.startDate(), input.endDate(), stored.startDate(), stored.endDate());
		ExplicitNulls.refuse(nulls, validation, "kind", "title", "startDate", "endDate", "project");
		var target = this.moves.target(project, input.project());
		if (nulls.contains("organizer") && caller.is(Role.PARTNER)) {
			validation.problem("input.organizer", null, "Your organization runs the activity; an admin may leave it "
					+ "without an organizer, or you may name another of yours");
		}
		boolean moved = input.startDate() != null && !input.startDate().equals(stored.startDate());
		if (moved || target != project) {
			ActivityDates.checkStart(target, programme(target), moved ? input.startDate() : stored.startDate(), moved,
					validation);
		}
		boolean ends = input.endDate() != null && !input.endDate().equals(stored.endDate());
		if (ends || target != project) {
			ActivityDates.checkEnd(target, programme(target), ends ? input.endDate() : stored.endDate(), ends,
					validation);
		}
		if (moved && input.startDate().getYear() < stored.startDate().getYear()) {
			this.dates.bornAfter(stored.id(), input.startDate(), caller, validation);
		}
		var organizer = common(validation, caller, input.titleKa(), input.venue(), input.venueName(), input.organizer(),
				input.topics());
		this.organizers.check(organizer, input.organizer(), target);
		if (target != project) {
			this.moves.check(stored, target, nulls.contains("organizer") ? null : organizer != null ? organizer
					: stored.organizerId(), organizer != null);
		}
		int updated = this.jdbc.sql("""
				UPDATE activity SET kind = coalesce(:kind, kind), title = coalesce(:title, title),
				       title_ka = CASE WHEN :noTitleKa THEN NULL ELSE coalesce(:titleKa, title_ka) END,
				       start_date = coalesce(:start, start_date), end_date = coalesce(:end, end_date),
				       venue_municipality_code = CASE WHEN :noVenue THEN NULL
				                                      ELSE coalesce(:venue, venue_municipality_code) END,
				       venue_name = CASE WHEN :noVenueName THEN NULL ELSE coalesce(:venueName, venue_name) END,
				       organizer_id = CASE WHEN :noOrganizer THEN NULL ELSE coalesce(:organizer, organizer_id) END,
				       topics = CASE WHEN :noTopics THEN '{}' ELSE coalesce(CAST(:topics AS text[]), topics) END,
				       project_id = :project, admin_corrected = ARRAY(
				           SELECT DISTINCT f FROM unnest(CASE WHEN :admin THEN admin_corrected || c.fields
				                                              ELSE admin_corrected END) f
				           WHERE f IS NOT NULL AND (:admin OR f <> ALL(c.fields)) ORDER BY f)
				FROM (SELECT array_remove(ARRAY[
				          CASE WHEN coalesce(:title, title) <> title THEN 'title' END,
				          CASE WHEN coalesce(:kind, kind) <> kind THEN 'kind' END,
				          CASE WHEN coalesce(:start, start_date) <> start_date THEN 'start_date' END,
				          CASE WHEN coalesce(:end, end_date) <> end_date THEN 'end_date' END,
				          CASE WHEN :project <> project_id THEN 'project' END,
				          CASE WHEN (CASE WHEN :noVenue THEN NULL ELSE coalesce(:venue, venue_municipality_code) END)
				                    IS DISTINCT FROM venue_municipality_code THEN 'venue' END], NULL) AS fields
				      FROM activity WHERE id = :id) c
				WHERE id = :id""")
			.param("noTitleKa", nulls.contains("titleKa")).param("noVenue", nulls.contains("venue"))
			.param("noVenueName", nulls.contains("venueName")).param("noOrganizer", nulls.contains("organizer"))
			.param("noTopics", nulls.contains("topics"))
			.param("id", stored.id()).param("kind", input.kind() == null ? null : input.kind().name())
			.param("title", input.title()).param("titleKa", input.titleKa()).param("start", input.startDate())
			.param("end", input.endDate()).param("venue", input.venue()).param("venueName", input.venueName())
			.param("organizer", organizer).param("project", target.id())
			// what a sheet gives that an admin changed stays: a partner's sheet sent again keeps it (a tester's undid
			// an admin's correction of a venue and a date); what the partner changes after is its own again, which its
			// sheet was told an admin had corrected, and could not change (a tester's)
			.param("admin", caller.is(Role.ADMIN))
			.param("topics", input.topics() == null ? null : input.topics().toArray(String[]::new))
			.update();
		if (updated == 0) {
			// row-level security left the row out: the caller lost the project since the check above
			throw new AccessDeniedException("Project " + project.code() + " is not one of your organizations' projects");
		}
		if (moved) {
			// it may have become, or stopped being, someone's latest activity: their own organization follows
			this.jdbc.sql("""
					SELECT own_organizations_followed(array(SELECT participant_id FROM participation
					                                        WHERE activity_id = :activity))""")
				.param("activity", stored.id())
				.query(Integer.class)
				.single();
		}
		return this.activities.activity(code);
	}

	private Project project(Activity stored) {
		return this.programmes.projectsById(List.of(stored.projectId())).get(stored.projectId());
	}

	private Programme programme(Project project) {
		return this.programmes.programmesById(List.of(project.programmeId())).get(project.programmeId());
	}

	/** Checks the fields both mutations share and returns the organizer's id, or null. */
	private Long common(Validation validation, Caller caller, String titleKa, String venue, String venueName,
			String organizer, List<String> topics) {
		var organizerRow = organizer == null ? null
				: this.organizations.organizationsByCode(List.of(organizer)).get(organizer);
		boolean othersOrganizer = this.organizers.othersNamed(caller, organizer, organizerRow, validation);
		var places = this.geography.hints();
		validation.line("input.titleKa", titleKa, false, 500)
			.line("input.venueName", venueName, false, 300)
			.known("input.venue", "municipality", venue == null ? null : List.of(venue),
					venue == null ? List.of() : this.geography.municipalitiesByCode(List.of(venue)).keySet(),
					places::municipalityMeant, places::insteadOfMunicipality)
			.known("input.organizer", "organization", organizer == null || othersOrganizer ? null : List.of(organizer),
					organizerRow == null ? List.of() : List.of(organizer), this.organizations::codeInAnotherCase,
					this.organizations::mergeTold);
		if (topics != null) {
			if (topics.size() > MAX_TOPICS) {
				validation.problem("input.topics", topics.size(), "At most " + MAX_TOPICS + " topics");
			}
			topics.forEach(topic -> validation.line("input.topics", topic, true, 200));
		}
		validation.check();
		return organizerRow == null ? null : organizerRow.id();
	}

}
