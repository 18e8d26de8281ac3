package org.kvali.iati;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;

import org.kvali.access.Access;
import org.kvali.graphql.Accepts;
import org.kvali.graphql.InvalidArgumentException;
import org.kvali.graphql.NotFoundException;
import org.kvali.graphql.Text;
import org.kvali.indicator.IndicatorResults;
import org.kvali.organization.OrganizationService;
import org.kvali.programme.ProgrammeService;
import org.kvali.report.ReportService;
import org.kvali.sql.Snapshots;
import org.kvali.time.Today;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /iati/activities.xml?programme=CODE}: the programme's projects as an IATI 2.03 activity file, its results
 * as a donor sees them whoever asks (for a partner, weighed too by the people never at its activities): the file is
 * made to be published.
 */
@RestController
class IatiController {

	/** A refusal's type, its charset named: without it a browser read a Georgian code in its own (a tester's). */
	private static final MediaType PLAIN = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

	/** What clients and proxies add to a link: a cache-buster, a campaign's or an advertiser's tag. */
	private static final Pattern TAGS = Pattern.compile("_.*|(?i)(utm_.*|fbclid|gclid|msclkid|mc_cid|mc_eid)");

	/**
	 * How long the results of one file may take in all; tests shorten it. Each statement may take 30 s, and on the SQL
	 * path (the report index not ready) a programme's results are hundreds of them: without a bound of the whole, a
	 * file asked at 10 million participations during a start ran for minutes, holding a connection.
	 */
	static volatile Duration deadline = Duration.ofSeconds(60);

	private final ProgrammeService programmes;

	private final OrganizationService organizations;

	private final IndicatorResults results;

	private final IatiLocations locations;

	private final IatiIdentifiers identifiers;

	private final Today today;

	private final ReportService reports;

	private final PlatformTransactionManager transactions;

	IatiController(ProgrammeService programmes, OrganizationService organizations, IndicatorResults results,
			IatiLocations locations, IatiIdentifiers identifiers, Today today, ReportService reports,
			PlatformTransactionManager transactions) {
		this.reports = reports;
		this.transactions = transactions;
		this.identifiers = identifiers;
		this.programmes = programmes;
		this.organizations = organizations;
		this.results = results;
		this.locations = locations;
		this.today = today;
	}

	@GetMapping("/iati/activities.xml")
	ResponseEntity<String> activities(@RequestParam MultiValueMap<String, String> parameters,
			@RequestHeader HttpHeaders headers) throws XMLStreamException {
		var type = answerType(headers);
		for (var name : parameters.keySet()) {
			// a cache-buster's (_=1712345) or a link's tag (utm_source, fbclid) is a client's or a proxy's, no question
			if (!name.equals("programme") && !TAGS.matcher(name).matches()) {
				// as /imports refuses one: a parameter meant to narrow the file (project=) gave the whole of it
				throw new InvalidArgumentException(name, parameters.get(name), "Unknown parameter '"
						+ Text.preview(name, 40) + "': the file takes one, programme, the code of the programme");
			}
		}
		// the values as sent: bound to a list or an array, one value is split at commas and trimmed (of a NUL too)
		var programme = parameters.getOrDefault("programme", List.of());
		if (programme.size() != 1 || programme.get(0).isBlank()) {
			// an empty one is none given, as a missing one (it was NOT_FOUND, no programme of the code '')
			throw new InvalidArgumentException("programme", programme, "Give one programme by its code: "
					+ "/iati/activities.xml?programme=CODE" + (programme.size() < 2 ? "" : "; " + programme.size()
							+ " were given"));
		}
		// the type follows the Accept: a cache keeps one answer per Accept
		return ResponseEntity.ok()
			.varyBy(HttpHeaders.ACCEPT)
			.contentType(new MediaType(type, StandardCharsets.UTF_8))
			.body(activities(programme.get(0)));
	}

	/**
	 * The file's type as the request takes it: application/xml, or text/xml where that is taken first. A client that
	 * takes neither, {@code q=0} being "not this one", is refused before the file is made (Spring's own choice of a
	 * type heeds no {@code q=0}, and refused other types with an empty answer).
	 */
	private static MediaType answerType(HttpHeaders headers) {
		var type = Accepts.best(headers.getAccept(), MediaType.APPLICATION_XML, MediaType.TEXT_XML);
		if (type != null) {
			return type;
		}
		throw new NotAcceptable("The request accepts only " + Text.preview(String.join(", ",
				headers.getOrEmpty(HttpHeaders.ACCEPT)), 100) + ": the file is application/xml or text/xml");
	}

	private String activities(String programme) throws XMLStreamException {
		if (programme.indexOf('\0') >= 0) {
			throw new InvalidArgumentException("programme", programme,
					"The parameter programme holds the NUL character (\\u0000), which no code may contain");
		}
		var stored = this.programmes.programme("programme", programme);
		var projects = this.programmes.projects(programme);
		var projectIds = projects.stream().map(p -> p.id()).toList();
		var partners = this.programmes.partnersOfProjects(projectIds);
		var donorIds = this.programmes.donorIdsOfProgrammes(List.of(stored.id())).getOrDefault(stored.id(), List.of());
		var orgIds = new java.util.HashSet<Long>(donorIds);
		if (stored.publisherId() != null) {
			orgIds.add(stored.publisherId());
		}
		projects.forEach(p -> {
			if (p.leadOrganizationId() != null) {
				orgIds.add(p.leadOrganizationId());
			}
		});
		partners.values().forEach(list -> list.forEach(partner -> orgIds.add(partner.organizationId())));
		var now = this.today.now().truncatedTo(ChronoUnit.SECONDS);
		// the report index caught up with a change first: the results are read in a transaction, where a report does
		// not wait for it but takes the SQL path, and right after a sheet every value of the file did (9 s at a
		// million participations, and several files at once timed out: a tester's)
		this.reports.awaitIndex();
		var out = new StringWriter();
		var activities = IatiActivities.of(stored, projects, partners, donorIds,
				this.organizations.organizationsById(orgIds), this.locations.ofProgramme(programme),
				this.locations.dates(programme, now.toLocalDate()),
				Access.published(() -> withinDeadline().execute(status -> this.results.ofProgramme(programme,
						now.toLocalDate()))));
		IatiActivities.uniqueAmong(activities, stored, projects, this.identifiers.ofOtherProgrammes(stored.id()));
		new IatiDocument(out, now).write(activities);
		return out.toString();
	}

	/** The results' snapshot ({@link IndicatorResults}), each statement bounded by what is left of the deadline. */
	private TransactionTemplate withinDeadline() {
		var snapshot = Snapshots.readOnly(this.transactions);
		snapshot.setTimeout((int) Math.max(1, deadline.toSeconds()));
		return snapshot;
	}

	@ExceptionHandler
	ResponseEntity<String> invalid(InvalidArgumentException ex) {
		return ResponseEntity.badRequest().contentType(PLAIN).body(ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<String> notAcceptable(NotAcceptable ex) {
		return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(PLAIN).body(ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<String> unpublishable(IatiActivities.Unpublishable ex) {
		return ResponseEntity.unprocessableContent().contentType(PLAIN).body(ex.getMessage());
	}

	/**
	 * A statement past its 30 s, or the results past the deadline: the file may be asked again once the many asking
	 * at once are answered, or the report index is ready.
	 */
	@ExceptionHandler({ QueryTimeoutException.class, TransactionTimedOutException.class })
	ResponseEntity<String> tooLong(RuntimeException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
			.contentType(PLAIN)
			.body("The file took longer to compute than it may (" + deadline.toSeconds() + " s in all, 30 s a"
					+ " statement: the data just changed, the service is starting, or many files are asked for at"
					+ " once); ask again shortly");
	}

	@ExceptionHandler
	ResponseEntity<String> notFound(NotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(PLAIN).body(ex.getMessage());
	}

	private static final class NotAcceptable extends RuntimeException {

		NotAcceptable(String message) {
			super(message);
		}

	}

}
