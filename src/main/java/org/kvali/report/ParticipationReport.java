package org.kvali.report;

/** The parent of `totals` and `breakdown`: a checked filter, evaluated only by the fields the client asks for. */
public record ParticipationReport(ParticipationFilter filter) {
}
