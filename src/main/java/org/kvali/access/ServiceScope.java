package org.kvali.access;

import java.util.function.Supplier;

/**
 * Marks work the service does for itself, with no caller: loading the demo, making demo keys, looking a key up
 * before anyone is authenticated. Only inside it do connections get the SERVICE scope; a thread that has neither a
 * caller nor this mark gets the NONE scope, which row-level security gives nothing.
 */
public final class ServiceScope {

	private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

	private ServiceScope() {
	}

	public static <T> T call(Supplier<T> work) {
		boolean outer = ACTIVE.get();
		ACTIVE.set(true);
		try {
			return work.get();
		}
		finally {
			ACTIVE.set(outer);
		}
	}

	public static void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

	static boolean active() {
		return ACTIVE.get();
	}

	/** For tests, whose own setup is the service's work: marks the current thread until {@link #leave()}. */
	public static void enter() {
		ACTIVE.set(true);
	}

	public static void leave() {
		ACTIVE.remove();
	}

}
