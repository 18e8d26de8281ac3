package org.kvali.activity;

/**
 * An activity filter with its programme, project and organizers' codes resolved to ids (organizers null: any), and
 * the projects the caller may list (null: all).
 */
record ActivityScope(ActivityFilter filter, Long programmeId, Long projectId, Long[] organizerIds,
		Long[] ownProjects) {
}
