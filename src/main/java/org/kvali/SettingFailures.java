package org.kvali;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * A start that fails for a setting Kvali checks, or for a database it cannot reach, ends with what to correct: the
 * reason was deep in a stack trace under the name of whichever bean first needed it (a tester's operator read
 * "Error creating bean with name 'demoGraphiQlCookie'" for a database that was not running).
 */
class SettingFailures implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		SQLException unreached = null;
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if ((cause instanceof IllegalStateException || cause instanceof IllegalArgumentException)
					&& cause.getMessage() != null && (cause.getMessage().startsWith("kvali.")
							|| cause.getMessage().startsWith("spring.security.oauth2."))) {
				return new FailureAnalysis(cause.getMessage(), "Correct the setting named, then start again.", cause);
			}
			if (cause instanceof SQLException sql && unreached == null) {
				unreached = sql;
			}
			if ((cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof SocketTimeoutException || isLogin(cause)) && unreached != null) {
				return new FailureAnalysis("The database cannot be reached or refused the login: "
						+ unreached.getMessage(), "Start the database, or correct SPRING_DATASOURCE_URL and its user"
						+ " and password (with none set, Kvali runs its own, embedded), then start again.", unreached);
			}
		}
		return null;
	}

	/** A login the database refused: a wrong user or password, or a database it does not have (28, 3D000). */
	private static boolean isLogin(Throwable cause) {
		return cause instanceof SQLException sql && sql.getSQLState() != null
				&& (sql.getSQLState().startsWith("28") || sql.getSQLState().equals("3D000"));
	}

}
