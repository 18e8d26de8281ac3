package org.kvali.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WHERE clause of a query built from a typed request: fixed SQL fragments joined with AND, every value a named
 * bound parameter. A list becomes a PostgreSQL array compared with {@code = ANY}, so an empty list selects nothing.
 */
public final class Conditions {

	private static final java.util.regex.Pattern PARAMETER = java.util.regex.Pattern.compile("(?<!:):(\\w+)");

	private final List<String> clauses = new ArrayList<>();

	private final Map<String, Object> parameters = new LinkedHashMap<>();

	/** Adds {@code clause} when {@code value} is not null, binding it as {@code :name}. */
	public Conditions add(String clause, String name, Object value) {
		if (value != null) {
			this.clauses.add(clause);
			this.parameters.put(name, value);
		}
		return this;
	}

	/** Adds {@code clause} when {@code values} is not null, binding them as a text array {@code :name}. */
	public Conditions addAny(String clause, String name, Collection<?> values) {
		if (values != null) {
			this.clauses.add(clause);
			this.parameters.put(name, values.stream().map(Object::toString).toArray(String[]::new));
		}
		return this;
	}

	/** Adds {@code clause} when {@code values} is not null, binding them as a bigint array {@code :name}. */
	public Conditions addAnyId(String clause, String name, Collection<Long> values) {
		if (values != null) {
			this.clauses.add(clause);
			this.parameters.put(name, values.toArray(Long[]::new));
		}
		return this;
	}

	/** Binds a parameter that a fixed part of the query uses. */
	public Conditions bind(String name, Object value) {
		this.parameters.put(name, value);
		return this;
	}

	/**
	 * The same conditions with every parameter renamed {@code name_suffix}, so several sets can be bound in one
	 * statement.
	 */
	public Conditions suffixed(String suffix) {
		var renamed = new Conditions();
		for (var clause : this.clauses) {
			renamed.clauses.add(PARAMETER.matcher(clause).replaceAll(":$1_" + suffix));
		}
		this.parameters.forEach((name, value) -> renamed.parameters.put(name + "_" + suffix, value));
		return renamed;
	}

	/** {@code WHERE a AND b ...}, or the empty string when nothing was added. */
	public String where() {
		return this.clauses.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", this.clauses);
	}

	public Map<String, Object> parameters() {
		return this.parameters;
	}

}
