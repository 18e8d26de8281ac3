package org.kvali.organization;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.kvali.graphql.Validation;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The checks of an organization's IATI identity: its organisation identifier as org-id.guide lists it (a list's
 * prefix, then the organization's number in that list: XM-DAC-41114, GB-CHC-1234567), one organization's alone, and its
 * type, a code of IATI's OrganisationType list.
 */
final class IatiIdentity {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9._:]+)+");

	/** IATI's organisation types, by code. */
	static final Map<String, String> TYPES = Map.ofEntries(Map.entry("10", "government"),
			Map.entry("11", "local government"), Map.entry("15", "other public sector"),
			Map.entry("21", "international NGO"), Map.entry("22", "national NGO"), Map.entry("23", "regional NGO"),
			Map.entry("24", "partner country based NGO"), Map.entry("30", "public private partnership"),
			Map.entry("40", "multilateral"), Map.entry("60", "foundation"), Map.entry("70", "private sector"),
			Map.entry("71", "private sector in provider country"), Map.entry("72", "private sector in aid recipient"
					+ " country"), Map.entry("73", "private sector in third country"), Map.entry("80", "academic,"
							+ " training and research"), Map.entry("90", "other"));

	private IatiIdentity() {
	}

	/** Checks the identifier and type given (null: not given); {@code self} is the organization changed, if any. */
	static void check(Validation validation, String iatiRef, String iatiType, Long self, JdbcClient jdbc) {
		if (iatiRef != null) {
			if (iatiRef.length() > 100 || !IDENTIFIER.matcher(iatiRef).matches()) {
				validation.problem("input.iatiRef", iatiRef, "An IATI organisation identifier is a list's prefix and"
						+ " the organization's number in it, as org-id.guide gives them (XM-DAC-41114): letters,"
						+ " digits, '.', '_' and ':' in parts joined by '-', at most 100 characters");
			}
			else {
				jdbc.sql("SELECT code FROM organization WHERE lower(iati_ref) = lower(:ref)"
						+ " AND id IS DISTINCT FROM :self")
					.param("ref", iatiRef)
					.param("self", self)
					.query(String.class)
					.optional()
					.ifPresent(other -> validation.problem("input.iatiRef", iatiRef, "Organization " + other
							+ " has this IATI identifier; an identifier names one organization"));
			}
		}
		if (iatiType != null && !TYPES.containsKey(iatiType)) {
			validation.problem("input.iatiType", iatiType, "Not an IATI organisation type; the codes are "
					+ TYPES.entrySet().stream().sorted(Map.Entry.comparingByKey())
						.map(type -> type.getKey() + " (" + type.getValue() + ")").collect(Collectors.joining(", ")));
		}
	}

	/** Whether a refused insert or update found the IATI identifier another organization's. */
	static boolean taken(DuplicateKeyException ex) {
		return ex.getMessage() != null && ex.getMessage().contains("organization_iati_ref_any_case");
	}

}
