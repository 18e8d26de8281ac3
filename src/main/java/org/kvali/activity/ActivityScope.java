package org.kvali.activity;

/** An activity filter with its programme and project codes resolved to ids. */
record ActivityScope(ActivityFilter filter, Long programmeId, Long projectId) {
}
