package org.kvali.access;

import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.core.context.SecurityContextHolder;

/** Runs test code as a given caller, as a request authenticated with that caller's key would. */
public final class TestCallerContext {

	private TestCallerContext() {
	}

	public static <T> T as(Role role, Set<Long> organizations, String name, Supplier<T> work) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new CallerAuthentication(new Caller(name, role, organizations)));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
