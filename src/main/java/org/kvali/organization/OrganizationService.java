package org.kvali.organization;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kvali.access.Caller;
import org.kvali.access.PartnerScope;
import org.kvali.access.Role;
import org.kvali.geography.GeographyService;
import org.kvali.graphql.Connection;
import org.kvali.graphql.InvalidArgumentException;
import org.kvali.graphql.NotFoundException;
import org.kvali.graphql.Page;
import org.kvali.programme.ProgrammeService;
import org.kvali.programme.Programme;
import org.kvali.programme.Project;
import org.kvali.report.ParticipationFilter;
import org.kvali.report.ReportService;
import org.kvali.report.SuppressionProperties;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Donors, implementers, partners, civil-society organizations and the other bodies participants represent. */
@Service
@Transactional(readOnly = true)
public class OrganizationService {

	private final OrganizationRepository repository;

	private final ProgrammeService programmes;

	private final GeographyService geography;

	private final PartnerScope partners;

	private final SuppressionProperties suppression;

	private final ReportService reports;

	OrganizationService(OrganizationRepository repository, ProgrammeService programmes, GeographyService geography,
			PartnerScope partners, SuppressionProperties suppression, ReportService reports) {
		this.reports = reports;
		this.partners = partners;
		this.suppression = suppression;
		this.repository = repository;
		this.programmes = programmes;
		this.geography = geography;
	}

	public Connection<Organization> organizations(OrganizationFilter filter, Page page) {
		var scope = scope(filter == null ? OrganizationFilter.ALL : filter);
		var after = page.key(0, code -> code);
		var rows = this.repository.page(scope, after, page.limit());
		return Connection.of(rows, page, organization -> List.of(organization.code()), this.repository.count(scope));
	}

	/**
	 * One organization by its code if the caller may list it: a partner, organizations of its projects only, as in
	 * {@link #organizations}; another is NOT_FOUND, as an unknown code is.
	 */
	public Organization listed(String code) {
		// one code is counted by SQL at once: the index counts every organization of the scope, a whole breakdown of
		// a partner's projects (or, for a donor, of everything) for the one code asked
		// an admin or analyst, who may list every organization, is told the spelling or the merge, as an admin's
		// mutations and an analyst's filters are (an analyst was told of neither: a tester's); another caller the
		// spelling where it lists the organization meant, and a merge into its own organization alone (a partner
		// asking for its own by a merged code was told nothing; a donor was told that a hidden organization had been
		// merged into one it lists, and so that someone of it had come: a tester's)
		var caller = Caller.current();
		var scope = scope(OrganizationFilter.ALL, false);
		return this.repository.byCode(scope, code).orElseThrow(() -> told(caller, scope, code) ? notFound("code", code)
				: new NotFoundException("organization", "code", code));
	}

	/** Whether the caller is told where a code no organization it lists has went ({@link #listed}). */
	private boolean told(Caller caller, OrganizationScope scope, String code) {
		if (caller.is(Role.ADMIN, Role.ANALYST)) {
			return true;
		}
		var merged = this.repository.mergedInto(code);
		if (merged.isPresent()) {
			return this.repository.byCode(scope, merged.get())
				.filter(into -> caller.organizations().contains(into.id()))
				.isPresent();
		}
		return this.repository.codeInAnotherCase(code)
			.flatMap(meant -> this.repository.byCode(scope, meant))
			.isPresent();
	}

	/** One organization by its code, whoever may list it (for the editor, which checks the caller itself). */
	public Organization organization(String code) {
		return organization("code", code);
	}

	/**
	 * One organization by the code given as {@code argument}, whoever may list it. NOT_FOUND names the code as stored
	 * in another case, or the organization it was merged into.
	 */
	Organization organization(String argument, String code) {
		return this.repository.byCodes(List.of(code)).stream().findFirst().orElseThrow(() -> notFound(argument, code));
	}

	private NotFoundException notFound(String argument, String code) {
		return this.repository.mergedInto(code)
			.map(into -> NotFoundException.explained(argument, code, "No organization has the code '" + code
					+ "'; it was merged into " + into))
			.orElseGet(() -> NotFoundException.orInAnotherCase("organization", argument, code,
					this.repository.codeInAnotherCase(code)));
	}

	/** The code of the organization that the one of this code was merged into (its alias), if it was. */
	public Optional<String> mergedInto(String code) {
		return this.repository.mergedInto(code);
	}

	/** Where a code no organization has went, told beside that: "; it was merged into CIF: give that code". */
	public Optional<String> mergeTold(String code) {
		return this.repository.mergedInto(code).map(into -> "; it was merged into " + into + ": give that code");
	}

	/** The stored spelling of an organization's code written in another case, for an error to name. */
	public Optional<String> codeInAnotherCase(String code) {
		return this.repository.codeInAnotherCase(code);
	}

	public Map<Long, Organization> organizationsById(Collection<Long> ids) {
		return this.repository.byIds(ids).stream().collect(Collectors.toMap(Organization::id, Function.identity()));
	}

	/**
	 * The organizations of these codes, by code, each code an organization's; one that is none is refused naming
	 * {@code argument}, and the spelling stored of one written in another case, or the organization it was merged
	 * into: for callers who see every organization (the activities' filter's organizers, of an ADMIN or ANALYST).
	 * Null for null.
	 */
	public Map<String, Organization> required(String argument, Collection<String> codes) {
		if (codes == null) {
			return null;
		}
		var found = organizationsByCode(codes);
		InvalidArgumentException.requireKnown(argument, "organization", codes, found.keySet(), this::codeInAnotherCase,
				this::mergeTold);
		return found;
	}

	/** The organizations of these codes, by code; none for none or null. */
	public Map<String, Organization> organizationsByCode(Collection<String> codes) {
		if (codes == null || codes.isEmpty()) {
			return Map.of();
		}
		return this.repository.byCodes(codes)
			.stream()
			.collect(Collectors.toMap(Organization::code, Function.identity()));
	}

	/** The scope of a list: who is represented where counted by the report index where it can ({@link #counted}). */
	OrganizationScope scope(OrganizationFilter filter) {
		return scope(filter, true);
	}

	/** The scope, who is represented where counted by the index ({@code indexed}, where it can) or by SQL. */
	private OrganizationScope scope(OrganizationFilter filter, boolean indexed) {
		this.geography.requireRegions("filter.regions", filter.regions(), null);
		var programme = filter.programme() == null ? null
				: this.programmes.programme("filter.programme", filter.programme());
		var project = filter.project() == null ? null : this.programmes.project("filter.project", filter.project());
		var caller = Caller.find();
		var own = caller.filter(found -> found.is(Role.PARTNER))
			.map(found -> found.organizations().toArray(Long[]::new))
			.orElse(null);
		boolean anywhere = programme == null && project == null && caller.filter(found -> found.is(Role.DONOR)).isPresent();
		var scope = new OrganizationScope(filter, programme == null ? null : programme.id(),
				project == null ? null : project.id(), this.partners.listable(), representedBy(caller), own, anywhere,
				OrganizationScope.Counted.BY_SQL);
		return indexed ? scope.with(counted(scope, programme, project)) : scope;
	}

	/**
	 * Who is represented where, for each condition of the scope that asks, as the report index counts it: by SQL,
	 * a programme's organizations at 10 million participations took 5 to 8 s. Where the index cannot answer, SQL
	 * counts that condition.
	 */
	private OrganizationScope.Counted counted(OrganizationScope scope, Programme programme, Project project) {
		var listable = scope.ownProjects() == null ? null
				: this.programmes.projectsById(List.of(scope.ownProjects())).values();
		var organizers = scope.own() == null ? null
				: this.repository.byIds(List.of(scope.own())).stream().map(Organization::code).toList();
		String[] inProgramme = null;
		if (programme != null) {
			inProgramme = represented(listable == null ? List.of(programme.code()) : null, listable == null ? null
					: listable.stream().filter(p -> p.programmeId() == programme.id()).map(Project::code).toList(), scope,
					organizers);
		}
		String[] inProject = null;
		if (project != null) {
			boolean listed = listable == null || listable.stream().anyMatch(p -> p.id() == project.id());
			inProject = represented(null, listed ? List.of(project.code()) : List.of(), scope, organizers);
		}
		var inOwn = listable == null ? null
				: represented(null, listable.stream().map(Project::code).toList(), scope, organizers);
		var anywhere = !scope.takingPartAnywhere() ? null : represented(null, null, scope, null);
		return new OrganizationScope.Counted(inProgramme, inProject, inOwn, anywhere);
	}

	/**
	 * The codes of the organizations represented at the activities of these programmes and projects (null: all) by
	 * as many people as the scope asks, and, for a partner, at those its organizations ({@code organizers}) run by
	 * one; null when the report index cannot tell.
	 */
	private String[] represented(List<String> programmes, List<String> projects, OrganizationScope scope,
			List<String> organizers) {
		var enough = this.reports.organizationsRepresented(ParticipationFilter.inAnyRole(programmes, projects, null),
				scope.representedBy());
		if (enough.isEmpty()) {
			return null;
		}
		var codes = new HashSet<>(enough.get());
		if (organizers != null) {
			var atOwn = this.reports.organizationsRepresented(
					ParticipationFilter.inAnyRole(programmes, projects, organizers), 1);
			if (atOwn.isEmpty()) {
				return null;
			}
			codes.addAll(atOwn.get());
		}
		return codes.toArray(String[]::new);
	}

	/**
	 * How many people of an organization at a project's activities list it for the caller as represented there: for
	 * a donor, and a partner outside its own activities, as many as a breakdown shows; listed for 1 or 2, a small
	 * organization told that someone of it had attended (a group for people with a disability, of two members).
	 */
	private int representedBy(Optional<Caller> caller) {
		return caller.map(found -> found.is(Role.DONOR, Role.PARTNER)).orElse(true) ? this.suppression.k() : 1;
	}

}
