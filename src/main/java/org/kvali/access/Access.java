package org.kvali.access;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** The role checks of the service layer: each refusal says which role was needed. */
public final class Access {

	private Access() {
	}

	/**
	 * Runs {@code work} as the current caller would as a DONOR: what is published (an IATI file, made for the open
	 * registry) holds what any reader may see, small groups withheld, whoever asks for it; for a partner, weighed too
	 * by the people never at its organizations' activities, as its own answers are (the people of its sheets lifted a
	 * value of one woman over k in the file it read). Called outside a
	 * transaction: the services it calls take their connections, and with them the DONOR's scope, within it, where a
	 * connection already taken would keep the caller's.
	 */
	public static <T> T published(Supplier<T> work) {
		var caller = Caller.current();
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new CallerAuthentication(new Caller(caller.name(), Role.DONOR,
				caller.is(Role.PARTNER) ? caller.organizations() : Set.of())));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/**
	 * The current caller, when it has one of the roles; otherwise a FORBIDDEN error, which tells a partner's staff
	 * whom to ask for what only an admin does (they were told a role: a tester's).
	 */
	public static Caller require(Role... roles) {
		var caller = Caller.current();
		if (!caller.is(roles)) {
			boolean askAnAdmin = caller.is(Role.PARTNER) && Arrays.asList(roles).contains(Role.ADMIN);
			throw new AccessDeniedException("This needs the role " + Arrays.stream(roles)
				.map(Role::name)
				.collect(Collectors.joining(" or ")) + "; the caller has " + caller.role()
					+ (askAnAdmin ? ": ask an admin of the service to do it" : ""));
		}
		return caller;
	}

}
