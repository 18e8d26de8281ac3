package org.kvali.activity;

/**
 * An activity filter with its programme and project codes resolved to ids, and the projects the caller may list
 * (null: all).
 */
record ActivityScope(ActivityFilter filter, Long programmeId, Long projectId, Long[] ownProjects) {
}
