package org.kvali;

import org.kvali.access.ServiceScope;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * A test's own setup and checks are the service's work: the test thread works in the SERVICE scope, as start-up
 * does, except where a test runs as a caller. Threads a test starts itself get no scope, as in the service. A
 * test that stops the service's clock ({@link TestClock}) finds it running again after.
 */
public class ServiceScopeListener implements TestExecutionListener {

	/** The thread running the current test method, which MockMvc requests run on too. */
	static volatile Thread testThread;

	@Override
	public void beforeTestMethod(TestContext context) {
		ServiceScope.enter();
		testThread = Thread.currentThread();
	}

	@Override
	public void afterTestMethod(TestContext context) {
		testThread = null;
		try {
			if (context.hasApplicationContext()) {
				context.getApplicationContext().getBeanProvider(TestClock.class).ifAvailable(TestClock::run);
			}
		}
		finally {
			ServiceScope.leave();
		}
	}

}
