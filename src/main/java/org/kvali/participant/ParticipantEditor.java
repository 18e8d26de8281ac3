package org.kvali.participant;

import java.sql.ResultSet;
import java.sql.Types;
import java.util.List;

import org.kvali.access.Access;
import org.kvali.access.Role;
import org.kvali.geography.GeographyService;
import org.kvali.graphql.Dates;
import org.kvali.graphql.NotFoundException;
import org.kvali.graphql.Validation;
import org.kvali.organization.Organization;
import org.kvali.organization.OrganizationService;
import org.kvali.report.Gender;
import org.kvali.sql.WritersQueue;
import org.kvali.time.Today;

import org.springframework.graphql.data.ArgumentValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a sheet does not do: a person's recorded details corrected (their gender too, which sheets never change; an
 * admin's correction a partner's sheet does not undo). It waits its turn among writers, as a sheet does, so that
 * what it checked holds when it writes; the index and every report follow the committed change.
 */
@Service
@Transactional
class ParticipantEditor {

	/** A person as corrected, without their name or contacts; municipality and organization by code. */
	record Corrected(String ref, String gender, Integer birthYear, Boolean disability, String homeMunicipality,
			String organization, int participations) {
	}

	/** A correction of what is recorded of a person; a field left out stays as it is, one given as null is unknown. */
	record Correction(ArgumentValue<Gender> gender, ArgumentValue<Integer> birthYear, ArgumentValue<Boolean> disability,
			ArgumentValue<String> homeMunicipality, ArgumentValue<String> organization) {
	}

	private final ParticipantRepository participants;

	private final GeographyService geography;

	private final OrganizationService organizations;

	private final Today today;

	private final JdbcClient jdbc;

	private final PartnerCorrections partners;

	ParticipantEditor(ParticipantRepository participants, GeographyService geography,
			OrganizationService organizations, Today today, JdbcClient jdbc, PartnerCorrections partners) {
		this.partners = partners;
		this.participants = participants;
		this.geography = geography;
		this.organizations = organizations;
		this.today = today;
		this.jdbc = jdbc;
	}

	/**
	 * Corrects the person's details, every field checked before anything is written: an ADMIN's anyone, a PARTNER's
	 * its own participants, recorded at activities its organizations run and at no others (a tester's partner could
	 * not mend the gender it had mistyped a minute before). One of its activities who took part in others too is
	 * refused as such, as its attendance lists them; anyone else is not found to a partner, as a reference stored
	 * nowhere is: their details are what other organizations recorded. A field given as null makes it unknown, but
	 * gender, which every person has.
	 */
	Corrected correct(String ref, Correction input) {
		var caller = Access.require(Role.ADMIN, Role.PARTNER);
		new Validation().code("ref", ref).check();
		WritersQueue.join(this.jdbc);
		boolean admin = caller.role() == Role.ADMIN;
		var stored = this.participants.byRef(ref).orElseThrow(() -> new NotFoundException("participant", "ref", ref));
		var adminCorrected = admin ? List.<String>of() : this.partners.ownParticipant(stored.id(), caller)
			.orElseThrow(() -> this.partners.attending(stored.id(), caller)
					? new AccessDeniedException("Participant " + ref + " also took part in activities your"
							+ " organizations do not run: their details stay as recorded there, and only an admin"
							+ " corrects them")
					: new NotFoundException("participant", "ref", ref));
		var validation = new Validation();
		if (input.gender().isOmitted() && input.birthYear().isOmitted() && input.disability().isOmitted()
				&& input.homeMunicipality().isOmitted() && input.organization().isOmitted()) {
			validation.problem("input", null, "Give at least one field to correct");
		}
		if (!input.gender().isOmitted() && input.gender().isEmpty()) {
			validation.problem("input.gender", null, "Everyone has a gender: give FEMALE, MALE, OTHER or UNDISCLOSED");
		}
		input.birthYear().ifPresent(year -> birthYear(stored.id(), year, validation));
		var places = this.geography.hints();
		input.homeMunicipality().ifPresent(code -> validation.known("input.homeMunicipality", "municipality",
				List.of(code), this.geography.municipalitiesByCode(List.of(code)).keySet(), places::municipalityMeant,
				places::insteadOfMunicipality));
		var organization = organization(input.organization().value(), admin, validation);
		var organizationId = organization == null ? null : organization.id();
		if (!admin) {
			this.partners.check(stored, input, organizationId, adminCorrected, validation);
		}
		validation.check();
		if (!admin) {
			this.partners.correcting(stored);
		}
		if (!input.organization().isOmitted()) {
			// what they represented at activities, where it was the organization corrected, as a sheet's row sets both
			this.jdbc.sql("""
					UPDATE participation SET organization_id = :organization
					WHERE participant_id = :id AND organization_id IS NOT DISTINCT FROM :stored
					  AND organization_id IS DISTINCT FROM :organization""")
				.param("id", stored.id())
				.param("organization", organizationId, Types.BIGINT)
				.param("stored", stored.organizationId(), Types.BIGINT)
				.update();
		}
		this.jdbc.sql("""
				UPDATE participant SET gender = coalesce(:gender, gender),
				       birth_year = CASE WHEN :birthYearGiven THEN :birthYear ELSE birth_year END,
				       disability = CASE WHEN :disabilityGiven THEN :disability ELSE disability END,
				       home_municipality_code = CASE WHEN :homeGiven THEN :home ELSE home_municipality_code END,
				       organization_id = CASE WHEN :organizationGiven THEN :organization ELSE organization_id END,
				       -- what an admin changes its partner's sheets keep; a partner changes none of it
				       admin_corrected = CASE WHEN NOT :admin THEN admin_corrected ELSE ARRAY(
				           SELECT DISTINCT d FROM unnest(admin_corrected || ARRAY[
				               CASE WHEN coalesce(:gender, gender) IS DISTINCT FROM gender THEN 'gender' END,
				               CASE WHEN :birthYearGiven AND :birthYear IS DISTINCT FROM birth_year
				                    THEN 'birth_year' END,
				               CASE WHEN :disabilityGiven AND :disability IS DISTINCT FROM disability
				                    THEN 'disability' END,
				               CASE WHEN :homeGiven AND :home IS DISTINCT FROM home_municipality_code
				                    THEN 'home_municipality' END,
				               CASE WHEN :organizationGiven AND :organization IS DISTINCT FROM organization_id
				                    THEN 'organization' END]) d
				           WHERE d IS NOT NULL ORDER BY d) END
				WHERE id = :id""")
			.param("id", stored.id())
			.param("admin", admin)
			.param("gender", input.gender().value() == null ? null : input.gender().value().name())
			.param("birthYearGiven", !input.birthYear().isOmitted())
			.param("birthYear", input.birthYear().value(), Types.INTEGER)
			.param("disabilityGiven", !input.disability().isOmitted())
			.param("disability", input.disability().value(), Types.BOOLEAN)
			.param("homeGiven", !input.homeMunicipality().isOmitted())
			.param("home", input.homeMunicipality().value(), Types.VARCHAR)
			.param("organizationGiven", !input.organization().isOmitted())
			.param("organization", organizationId, Types.BIGINT)
			.update();
		if (!admin) {
			this.partners.corrected();
		}
		var corrected = this.participants.byRef(stored.ref()).orElseThrow();
		var organizationCode = corrected.organizationId() == null ? null
				: this.organizations.organizationsById(List.of(corrected.organizationId())).get(corrected.organizationId())
					.code();
		return new Corrected(corrected.ref(), corrected.gender(), corrected.birthYear(), corrected.disability(),
				corrected.homeMunicipalityCode(), organizationCode, corrected.participations());
	}

	/**
	 * The organization of the code given, told as NOT_FOUND tells it (another case, a merge): to an admin any, to a
	 * partner one it lists alone, and a merge into its own alone ({@link OrganizationService#listed}). Named as its
	 * participant's, any other would be listed to it with its name, kind and place, and then taken away again: a
	 * tester's read those of an organization another partner's sheet had made for one person.
	 */
	private Organization organization(String code, boolean admin, Validation validation) {
		if (code == null) {
			return null;
		}
		try {
			return admin ? this.organizations.organization(code) : this.organizations.listed(code);
		}
		catch (NotFoundException ex) {
			validation.problem("input.organization", code, ex.getMessage());
			return null;
		}
	}

	/**
	 * A year from 1900 to this one, and none after the year of an activity the person took part in. This year is the
	 * earlier of the programmes' zone's and the database's, whose check of the column takes its own: on New Year's
	 * night in Tbilisi, with the database on UTC, the next year passed here and failed there, an internal error (a
	 * review's).
	 */
	private void birthYear(long person, int year, Validation validation) {
		int thisYear = Math.min(this.today.date().getYear(),
				this.jdbc.sql("SELECT CAST(extract(YEAR FROM current_date) AS int)").query(Integer.class).single());
		if (year < Dates.FIRST_YEAR || year > thisYear) {
			validation.problem("input.birthYear", year, "A birth year is from " + Dates.FIRST_YEAR + " to " + thisYear);
			return;
		}
		this.jdbc.sql("""
				SELECT a.code, a.start_date FROM participation pn JOIN activity a ON a.id = pn.activity_id
				WHERE pn.participant_id = :person AND a.start_date < make_date(:year, 1, 1)
				ORDER BY a.start_date, a.code LIMIT 1""")
			.param("person", person)
			.param("year", year)
			.query((ResultSet rs) -> {
				validation.problem("input.birthYear", year, "Born after activity " + rs.getString(1) + " starts ("
						+ rs.getString(2) + "), in which they took part");
			});
	}

}
