package org.kvali.report;

/** Where a dimension's values are stored: once per person, per activity or per organization, or per row. */
enum Level {

	PERSON, ACTIVITY, ORGANIZATION, ROW;

	static Level of(Dimension dimension) {
		return switch (dimension) {
			case REGION, MUNICIPALITY, GENDER, DISABILITY -> PERSON;
			case ORGANIZATION, ORGANIZATION_KIND -> ORGANIZATION;
			case AGE_BAND, AGE_GROUP, ROLE -> ROW;
			default -> ACTIVITY;
		};
	}

}
