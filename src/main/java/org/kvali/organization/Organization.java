package org.kvali.organization;

/**
 * An organization. {@code regionCode} is where it is based: its municipality's region, or the region recorded for it.
 */
public record Organization(long id, String code, String name, String nameKa, OrganizationKind kind,
		String municipalityCode, String regionCode) {
}
