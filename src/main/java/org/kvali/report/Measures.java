package org.kvali.report;

/**
 * The four measures of participation over a set: records and distinct persons, activities, organizations. Distinct
 * activities and organizations are null where a breakdown was not asked to count them ({@link MeasureSet}).
 */
public record Measures(int participations, int participants, Integer activities, Integer organizations) {
}
