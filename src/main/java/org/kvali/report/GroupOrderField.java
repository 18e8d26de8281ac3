package org.kvali.report;

/** What groups can be sorted by: a measure, or a dimension (which must then be grouped by). */
public enum GroupOrderField {

	PARTICIPATIONS("participations"), PARTICIPANTS("participants"), ACTIVITIES("activities"),
	ORGANIZATIONS("organizations"), SHARE("participants"),

	PROGRAMME(Dimension.PROGRAMME), PROJECT(Dimension.PROJECT), REGION(Dimension.REGION),
	MUNICIPALITY(Dimension.MUNICIPALITY), VENUE_REGION(Dimension.VENUE_REGION),
	VENUE_MUNICIPALITY(Dimension.VENUE_MUNICIPALITY), ORGANIZATION(Dimension.ORGANIZATION),
	ORGANIZATION_KIND(Dimension.ORGANIZATION_KIND), ORGANIZER(Dimension.ORGANIZER), GENDER(Dimension.GENDER),
	AGE_BAND(Dimension.AGE_BAND), AGE_GROUP(Dimension.AGE_GROUP), DISABILITY(Dimension.DISABILITY),
	ACTIVITY_KIND(Dimension.ACTIVITY_KIND), ACTIVITY(Dimension.ACTIVITY), ROLE(Dimension.ROLE),
	YEAR(Dimension.YEAR), QUARTER(Dimension.QUARTER), MONTH(Dimension.MONTH);

	/** The measure column sorted by, or null when this sorts by a dimension. */
	final String measure;

	/** The dimension sorted by, or null when this sorts by a measure. */
	final Dimension dimension;

	GroupOrderField(String measure) {
		this.measure = measure;
		this.dimension = null;
	}

	GroupOrderField(Dimension dimension) {
		this.measure = null;
		this.dimension = dimension;
	}

	/** The measure sorted by, of these measures (a share by its participants); null where it was not counted. */
	Integer of(Measures measures) {
		return switch (this) {
			case PARTICIPATIONS -> measures.participations();
			case PARTICIPANTS, SHARE -> measures.participants();
			case ACTIVITIES -> measures.activities();
			case ORGANIZATIONS -> measures.organizations();
			default -> throw new IllegalArgumentException(this + " is not a measure");
		};
	}

}
