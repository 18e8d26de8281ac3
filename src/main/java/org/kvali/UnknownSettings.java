package org.kvali;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.kvali.graphql.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.stereotype.Component;

/**
 * Warns, once started, of each setting given under Kvali's name that names none of its settings: a misspelt one was
 * ignored without a word, so that KVALI_SUPRESSION_K=10 left small groups shown from 5 people. Each is named with
 * where it was given and the setting nearest to it. The settings are the records bound by prefix (kvali.import,
 * kvali.report, ...) and the few read one by one ({@link #READ_ALONE}).
 */
@Component
class UnknownSettings implements ApplicationListener<ApplicationStartedEvent> {

	private static final Logger log = LoggerFactory.getLogger(UnknownSettings.class);

	/** The settings read one by one rather than bound in a record, and the tests' choice of database. */
	static final List<String> READ_ALONE = List.of("kvali.demo.enabled", "kvali.explorer.enabled", "kvali.time-zone",
			"kvali.report.prune-notes-every", "kvali.test-db");

	/**
	 * What Kubernetes gives every container of a namespace with a service named kvali, or kvali-postgresql and the
	 * like: KVALI_SERVICE_HOST, KVALI_POSTGRESQL_PORT_5432_TCP_ADDR, none of them meant for Kvali.
	 */
	private static final Pattern SERVICE_LINKS = Pattern
		.compile("KVALI_(\\w+_)?(SERVICE_HOST|SERVICE_PORT(_\\w+)?|PORT(_\\d+_(TCP|UDP|SCTP)(_(ADDR|PORT|PROTO))?)?)");

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		var context = event.getApplicationContext();
		for (var warning : unknown(context.getEnvironment(), known(context))) {
			log.warn(warning);
		}
	}

	/** Every setting of the service, as property names ({@code kvali.import.max-rows}). */
	static Set<String> known(ApplicationContext context) {
		var known = new TreeSet<String>(READ_ALONE);
		for (var bean : ConfigurationPropertiesBean.getAll(context).values()) {
			var prefix = bean.getAnnotation().prefix().isEmpty() ? bean.getAnnotation().value()
					: bean.getAnnotation().prefix();
			var type = bean.getInstance().getClass();
			if (prefix.startsWith("kvali") && type.isRecord()) {
				for (var component : type.getRecordComponents()) {
					known.add(prefix + "." + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT));
				}
			}
		}
		return known;
	}

	/** A warning for each name under Kvali's that is none of {@code known}, in the order of the sources. */
	static List<String> unknown(ConfigurableEnvironment environment, Set<String> known) {
		var warnings = new ArrayList<String>();
		var forms = new HashSet<String>();
		known.forEach(setting -> forms.addAll(forms(setting)));
		for (var source : environment.getPropertySources()) {
			if (ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
					|| !(source instanceof EnumerablePropertySource<?> names)) {
				continue;
			}
			for (var name : names.getPropertyNames()) {
				// a list's items are given by index: KVALI_CORS_ORIGINS_0, kvali.cors.origins[0]
				var setting = name.replaceAll("(_\\d+)+$", "").replaceAll("\\[\\d+]", "");
				if (normalized(setting).startsWith("KVALI") && !forms.contains(form(setting))
						&& !SERVICE_LINKS.matcher(name).matches()) {
					warnings.add(name + " (from " + source.getName() + ") names no setting of Kvali and is ignored;"
							+ nearest(setting, known) + " (the README lists them all)");
				}
			}
		}
		return warnings;
	}

	/**
	 * The forms a setting is bound from, as {@link #form} writes them: a property in its parts ({@code
	 * kvali.import.maxrows}, from max-rows or maxRows), an environment variable with a dashed part joined or split
	 * ({@code KVALI_IMPORT_MAXROWS}, {@code KVALI_IMPORT_MAX_ROWS}). The parts are kept apart: KVALI_SUPPRESSIONK
	 * binds to nothing, though its letters are those of KVALI_SUPPRESSION_K.
	 */
	private static Set<String> forms(String setting) {
		var forms = new HashSet<String>();
		forms.add(form(setting));
		var variable = new ArrayList<>(List.of(""));
		for (var part : setting.split("\\.")) {
			var next = new ArrayList<String>();
			for (var head : variable) {
				var joint = head.isEmpty() ? "" : head + "_";
				next.add(joint + part.replace("-", "").toUpperCase(Locale.ROOT));
				next.add(joint + part.replace('-', '_').toUpperCase(Locale.ROOT));
			}
			variable = next;
		}
		forms.addAll(variable);
		return forms;
	}

	/** A name as bound: a property's parts without dashes, in lower case; an environment variable in upper case. */
	private static String form(String name) {
		if (!name.contains(".")) {
			return name.toUpperCase(Locale.ROOT);
		}
		return String.join(".", Arrays.stream(name.split("\\."))
			.map(part -> part.replace("-", "").toLowerCase(Locale.ROOT))
			.toList());
	}

	/** The name as written in any of its forms: KVALI_IMPORT_MAX_ROWS, kvali.import.max-rows, kvali.import.maxRows. */
	private static String normalized(String name) {
		return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
	}

	/**
	 * The setting nearest to the name, written as the name is (an environment variable, or a property), where one is
	 * a few edits from it.
	 */
	private static String nearest(String name, Set<String> known) {
		var given = normalized(name);
		var setting = known.stream()
			.min(Comparator
				.comparingInt((String candidate) -> Text.distance(given, normalized(candidate), Integer.MAX_VALUE))
				.thenComparing(Comparator.naturalOrder()))
			.orElseThrow();
		if (Text.distance(given, normalized(setting), Integer.MAX_VALUE) > Math.max(2, given.length() / 4)) {
			return " no setting is near it";
		}
		return " the nearest is " + (name.contains(".") ? setting
				: setting.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"));
	}

}
