package org.kvali.organization;

/** The inputs of the organization mutations, as the schema defines them. */
final class OrganizationInputs {

	private OrganizationInputs() {
	}

	record Create(String code, String name, String nameKa, OrganizationKind kind, String municipality,
			String region, String iatiRef, String iatiType) {
	}

	record Update(String name, String nameKa, OrganizationKind kind, String municipality, String region,
			String iatiRef, String iatiType) {
	}

}
