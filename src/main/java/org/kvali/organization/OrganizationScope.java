package org.kvali.organization;

/**
 * An organization filter with its programme and project codes resolved to ids, the projects whose organizations the
 * caller may list (null: all), and how many distinct people of an organization at a project's activities make it
 * represented there for the caller (1, or for a donor or partner the suppression's k), but at the activities that
 * the organizations of {@code own} run (a partner's; null for others), where one is enough; for a donor's list of no
 * programme or project, {@code takingPartAnywhere}: those taking part in some programme alone; {@code counted}, who is
 * represented where, as the report index counted it (else SQL counts).
 */
record OrganizationScope(OrganizationFilter filter, Long programmeId, Long projectId, Long[] ownProjects,
		int representedBy, Long[] own, boolean takingPartAnywhere, Counted counted) {

	/**
	 * For each condition of the scope that asks who is represented (in the programme, in the project, in the
	 * partner's projects, anywhere), the codes of the organizations represented there, as the report index counted
	 * them; null where SQL counts.
	 */
	record Counted(String[] programme, String[] project, String[] own, String[] anywhere) {

		static final Counted BY_SQL = new Counted(null, null, null, null);

	}

	/** This scope with what the report index counted. */
	OrganizationScope with(Counted counted) {
		return new OrganizationScope(this.filter, this.programmeId, this.projectId, this.ownProjects,
				this.representedBy, this.own, this.takingPartAnywhere, counted);
	}

}
