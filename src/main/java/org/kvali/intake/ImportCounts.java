package org.kvali.intake;

/** How many of each kind of record an import created, updated or left unchanged. */
public record ImportCounts(int activities, int participants, int participations, int organizations) {

	static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0);

}
