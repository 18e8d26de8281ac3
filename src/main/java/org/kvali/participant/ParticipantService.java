package org.kvali.participant;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import org.kvali.access.Access;
import org.kvali.access.Caller;
import org.kvali.access.Role;
import org.kvali.audit.AuditLog;
import org.kvali.graphql.InvalidArgumentException;
import org.kvali.graphql.NotFoundException;
import org.kvali.graphql.Text;
import org.kvali.graphql.Validation;
import org.kvali.sql.ErasedReferences;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A participant's personal data, for ADMIN only, every read recorded in the audit log; and the erasure of a person
 * (right to be forgotten) that keeps their participations, so every count stays true.
 */
@Service
public class ParticipantService {

	/** How the reference an erasure gives a person begins; no sheet adds anyone under it. */
	public static final String ERASED = ErasedReferences.PREFIX;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ParticipantRepository participants;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final List<KeepsReferences> kept;

	ParticipantService(ParticipantRepository participants, AuditLog audit, ApplicationEventPublisher events,
			List<KeepsReferences> kept) {
		this.kept = kept;
		this.participants = participants;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * The person; the read is recorded first and on its own, so a look-up of an unknown reference is kept too, and so
	 * is a caller's attempt without the role for it (which left no trace).
	 */
	public Participant participant(String ref) {
		if (!Caller.current().is(Role.ADMIN)) {
			// its beginning alone: any key may ask, and what it typed may be a name
			this.audit.record("refused read of personal data", Text.preview(ref, 64));
		}
		Access.require(Role.ADMIN);
		this.audit.record("read personal data", ref);
		return this.participants.byRef(ref).orElseThrow(() -> new NotFoundException("participant", "ref", ref));
	}

	/**
	 * Erases the person's name and contacts and replaces their reference with a random one that nothing links to
	 * the old; their pseudonymous record and participations stay. Its audit entry keeps the old reference only. Of
	 * someone no longer stored, removed at every activity or deleted with the activity they alone attended, what the
	 * removals and the sheets' reports kept of them goes (an erasure of them was refused as of no one, and their
	 * reference stayed there, also in a message's text: a review's), and the reference is kept as erased. A value that
	 * is no reference is refused before anything is looked at: an empty one named every report's every message, and
	 * each was rewritten with "(erased)" between its words (a tester's). One an erasure gave, or erased already, is
	 * told so.
	 */
	@Transactional
	public int forget(String ref) {
		Access.require(Role.ADMIN);
		new Validation().code("ref", ref).check();
		if (ref.regionMatches(true, 0, ERASED, 0, ERASED.length())) {
			throw new InvalidArgumentException("ref", ref, "A reference beginning with " + ERASED + " is one an"
					+ " erasure gave: that person is erased already");
		}
		// the person as the erasure leaves them: a sheet adding them, or another erasure, comes before or after it
		this.participants.queueWriters();
		var stored = this.participants.byRef(ref);
		// both of what is kept of someone removed and of someone deleted with an activity go (|, not ||)
		if (stored.isEmpty() && (this.participants.forgetRemoved(ref) | this.participants.forgetDeleted(ref)
				|| this.kept.stream().anyMatch(keeping -> keeping.names(ref)) && this.participants.keepErased(ref))) {
			this.events.publishEvent(new ParticipantForgotten(ref));
			this.audit.record("forget participant", ref);
			return 0;
		}
		var participant = stored.orElseThrow(() -> this.participants.erasedOn(ref)
			.map(day -> NotFoundException.explained("ref", ref, "The person of the reference '" + Text.preview(ref, 64)
					+ "' was erased on " + day + ": nothing of them is left to erase"))
			.orElseGet(() -> new NotFoundException("participant", "ref", ref)));
		var bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		this.participants.forget(ref, ERASED + HexFormat.of().formatHex(bytes));
		this.events.publishEvent(new ParticipantForgotten(participant.ref()));
		// as stored, so that the log searched for it finds it whatever case the request wrote
		this.audit.record("forget participant", participant.ref());
		return participant.participations();
	}

}
