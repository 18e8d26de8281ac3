package org.kvali.activity;

import java.util.Collection;
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
import org.kvali.graphql.DateRange;
import org.kvali.graphql.NotFoundException;
import org.kvali.graphql.Page;
import org.kvali.organization.Organization;
import org.kvali.organization.OrganizationService;
import org.kvali.programme.ProgrammeService;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Activities of projects: trainings, workshops, meetings, conferences, campaigns. */
@Service
@Transactional(readOnly = true)
public class ActivityService {

	private final ActivityRepository repository;

	private final ProgrammeService programmes;

	private final GeographyService geography;

	private final PartnerScope partners;

	private final OrganizationService organizations;

	ActivityService(ActivityRepository repository, ProgrammeService programmes, GeographyService geography,
			PartnerScope partners, OrganizationService organizations) {
		this.partners = partners;
		this.organizations = organizations;
		this.repository = repository;
		this.programmes = programmes;
		this.geography = geography;
	}

	public Connection<Activity> activities(ActivityFilter filter, Page page) {
		var scope = scope(filter == null ? ActivityFilter.ALL : filter);
		var rows = this.repository.page(scope, page.key(0, Page::day), page.key(1, code -> code), page.limit());
		return Connection.of(rows, page, activity -> List.of(activity.startDate().toString(), activity.code()),
				this.repository.count(scope));
	}

	/**
	 * One activity by its code if the caller may list it: a partner, activities of its projects only, as in
	 * {@link #activities}; another is NOT_FOUND, as an unknown code is.
	 */
	public Activity listed(String code) {
		return listed("code", code);
	}

	private Activity listed(String argument, String code) {
		var scope = scope(ActivityFilter.ALL);
		return this.repository.byCode(scope, code).orElseThrow(() -> notFound(scope, argument, code));
	}

	/**
	 * An activity the caller may change, by the code given as {@code argument}: an admin any; a partner one its
	 * organizations run, of its projects (another's is NOT_FOUND, as to {@link #listed}).
	 */
	public Activity changeable(String argument, String code) {
		var stored = listed(argument, code);
		var caller = Caller.current();
		if (caller.is(Role.PARTNER)
				&& (stored.organizerId() == null || !caller.organizations().contains(stored.organizerId()))) {
			throw new AccessDeniedException("Activity " + stored.code() + " is not run by your organization");
		}
		return stored;
	}

	/** One activity by its code, whoever may list it (for the editor, which checks the caller itself). */
	public Activity activity(String code) {
		return this.repository.byCodes(List.of(code))
			.stream()
			.findFirst()
			.orElseThrow(() -> notFound(scope(ActivityFilter.ALL), "code", code));
	}

	/**
	 * No activity of this code: one of the caller's written in another case is named, as a sheet names it (codes are
	 * one code in any case, and written as stored); another's is not.
	 */
	private NotFoundException notFound(ActivityScope scope, String argument, String code) {
		return NotFoundException.orInAnotherCase("activity", argument, code, this.repository.codeInAnotherCase(scope,
				code));
	}

	/**
	 * The stored spelling of an activity code that is this one in any case, of an activity the caller may list:
	 * another partner's is not named.
	 */
	public Optional<String> listedCode(String code) {
		return this.repository.codeInAnotherCase(scope(ActivityFilter.ALL), code);
	}

	public Map<String, Activity> activitiesByCode(Collection<String> codes) {
		return this.repository.byCodes(codes).stream().collect(Collectors.toMap(Activity::code, Function.identity()));
	}

	private ActivityScope scope(ActivityFilter filter) {
		this.geography.requireRegions("filter.venueRegions", filter.venueRegions(), "filter.venueMunicipalities");
		this.geography.requireMunicipalities("filter.venueMunicipalities", filter.venueMunicipalities(),
				"filter.venueRegions");
		DateRange.requireOrdered("filter.to", filter.from(), filter.to());
		var programme = filter.programme() == null ? null
				: this.programmes.programme("filter.programme", filter.programme()).id();
		var project = filter.project() == null ? null
				: this.programmes.project("filter.project", filter.project()).id();
		// a donor or partner is not told whether a code is an organization's, nor how it is written: a small one is
		// as unknown to them as a code no one has (a review's), and selects none
		var organizers = Caller.current().is(Role.ADMIN, Role.ANALYST)
				? this.organizations.required("filter.organizers", filter.organizers())
				: this.organizations.organizationsByCode(filter.organizers());
		return new ActivityScope(filter, programme, project, filter.organizers() == null ? null
				: organizers.values().stream().map(Organization::id).toArray(Long[]::new), this.partners.listable());
	}

}
