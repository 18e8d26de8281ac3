package org.kvali;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application sends for requests, so tests can hold a request to a known number of
 * them. The service's own background threads are not counted: the report index catching up after another test's
 * writes made a count of 5 one of 7 in CI.
 */
public final class StatementCounter extends DelegatingDataSource {

	/** The threads the service starts of its own, which read the database whatever a request does. */
	private static final Set<String> BACKGROUND = Set.of("report-index", "data-version-listener", "database-health",
			"embedded-watch");

	private final AtomicInteger executed = new AtomicInteger();

	StatementCounter(DataSource target) {
		super(target);
	}

	public void reset() {
		this.executed.set(0);
	}

	public int count() {
		return this.executed.get();
	}

	@Override
	public Connection getConnection() throws SQLException {
		return wrap(Connection.class, super.getConnection(), this::connectionCall);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return wrap(Connection.class, super.getConnection(username, password), this::connectionCall);
	}

	private Object connectionCall(Object target, Method method, Object[] args) throws Throwable {
		var result = invoke(target, method, args);
		if (result instanceof Statement statement && method.getName().endsWith("Statement")) {
			@SuppressWarnings("unchecked")
			var type = (Class<Statement>) method.getReturnType();
			return wrap(type, statement, this::statementCall);
		}
		return result;
	}

	private Object statementCall(Object target, Method method, Object[] args) throws Throwable {
		if (method.getName().startsWith("execute") && !BACKGROUND.contains(Thread.currentThread().getName())) {
			this.executed.incrementAndGet();
		}
		return invoke(target, method, args);
	}

	private interface Call {

		Object apply(Object target, Method method, Object[] args) throws Throwable;

	}

	private static <T> T wrap(Class<T> type, T target, Call call) {
		InvocationHandler handler = (proxy, method, args) -> call.apply(target, method, args);
		return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type },
				handler));
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
