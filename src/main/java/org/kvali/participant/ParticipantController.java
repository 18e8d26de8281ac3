package org.kvali.participant;

import java.util.List;
import java.util.Map;

import org.kvali.activity.Activity;
import org.kvali.geography.GeographyService;
import org.kvali.geography.Municipality;
import org.kvali.graphql.BatchLinks;
import org.kvali.organization.Organization;
import org.kvali.organization.OrganizationService;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The {@code Participant} type, its root field, and the mutations of people and participations. */
@Controller
class ParticipantController {

	/** What an erasure did. */
	record Forgotten(int participations) {
	}

	private final ParticipantService participants;

	private final ParticipantEditor editor;

	private final ParticipationRemoval removal;

	private final GeographyService geography;

	private final OrganizationService organizations;

	ParticipantController(ParticipantService participants, ParticipantEditor editor, ParticipationRemoval removal,
			GeographyService geography, OrganizationService organizations) {
		this.participants = participants;
		this.editor = editor;
		this.removal = removal;
		this.geography = geography;
		this.organizations = organizations;
	}

	@QueryMapping
	Participant participant(@Argument String ref) {
		return this.participants.participant(ref);
	}

	@MutationMapping
	Forgotten forgetParticipant(@Argument String ref) {
		return new Forgotten(this.participants.forget(ref));
	}

	@MutationMapping
	ParticipantEditor.Corrected correctParticipant(@Argument String ref, @Argument ParticipantEditor.Correction input) {
		return this.editor.correct(ref, input);
	}

	@MutationMapping
	Activity removeParticipation(@Argument String activity, @Argument String ref) {
		return this.removal.remove(activity, ref);
	}

	@BatchMapping
	Map<Participant, Municipality> homeMunicipality(List<Participant> people) {
		var byCode = this.geography.municipalitiesByCode(BatchLinks.keys(people, Participant::homeMunicipalityCode));
		return BatchLinks.byKey(people, Participant::homeMunicipalityCode, byCode);
	}

	@BatchMapping
	Map<Participant, Organization> organization(List<Participant> people) {
		var byId = this.organizations.organizationsById(BatchLinks.keys(people, Participant::organizationId));
		return BatchLinks.byKey(people, Participant::organizationId, byId);
	}

}
