package org.kvali.report;

/** The four measures of participation over a set: records and distinct persons, activities, organizations. */
public record Measures(int participations, int participants, int activities, int organizations) {
}
