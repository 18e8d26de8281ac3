package org.kvali.report;

/**
 * Which of the distinct counts of activities and organizations a breakdown computes. Participations and persons are
 * always counted (suppression rests on persons); the other two cost a set per group and are counted only when shown
 * or sorted by, otherwise they are null.
 */
public record MeasureSet(boolean activities, boolean organizations) {

	public static final MeasureSet ALL = new MeasureSet(true, true);

	/** Participations and persons alone. */
	public static final MeasureSet PEOPLE = new MeasureSet(false, false);

	/** The measures both sets hold. */
	public MeasureSet and(MeasureSet other) {
		return new MeasureSet(this.activities && other.activities, this.organizations && other.organizations);
	}

	/** This set, with whatever an ordering sorts by. */
	MeasureSet orderedBy(Iterable<GroupOrder> order) {
		boolean a = this.activities;
		boolean o = this.organizations;
		for (var key : order) {
			a |= key.by() == GroupOrderField.ACTIVITIES;
			o |= key.by() == GroupOrderField.ORGANIZATIONS;
		}
		return new MeasureSet(a, o);
	}

}
