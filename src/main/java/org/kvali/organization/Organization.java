package org.kvali.organization;

/**
 * An organization. {@code regionCode} is where it is based: its municipality's region, or the region recorded for it;
 * {@code iatiRef} and {@code iatiType} its organisation identifier and type in IATI, where set.
 */
public record Organization(long id, String code, String name, String nameKa, OrganizationKind kind,
		String municipalityCode, String regionCode, String iatiRef, String iatiType) {
}
