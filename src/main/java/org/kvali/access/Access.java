package org.kvali.access;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;

/** The role checks of the service layer: each refusal says which role was needed. */
public final class Access {

	private Access() {
	}

	/** The current caller, when it has one of the roles; otherwise a FORBIDDEN error. */
	public static Caller require(Role... roles) {
		var caller = Caller.current();
		if (!caller.is(roles)) {
			throw new AccessDeniedException("This needs the role " + Arrays.stream(roles)
				.map(Role::name)
				.collect(Collectors.joining(" or ")) + "; the caller has " + caller.role());
		}
		return caller;
	}

}
