package org.kvali.programme;

/** An organization's part in a project. */
public record ProjectPartner(long projectId, long organizationId, PartnerRole role) {

	/**
	 * How an organization becomes a project's partner: by an admin's {@code updateProject}, which a partner asks for
	 * (it was told to do it, and refused: a tester's).
	 */
	public static String howToAdd(boolean partner) {
		return partner ? "ask an admin to add it to the project's partners"
				: "add it to the project's partners first (updateProject)";
	}

}
