package org.kvali.intake;

import java.util.List;

/** The columns of an attendance sheet, by their names in the header (case and surrounding spaces ignored). */
final class Columns {

	static final String ACTIVITY_CODE = "activity_code";

	static final String ACTIVITY_TITLE = "activity_title";

	static final String ACTIVITY_KIND = "activity_kind";

	static final String PROJECT_CODE = "project_code";

	static final String START_DATE = "start_date";

	static final String END_DATE = "end_date";

	static final String VENUE_MUNICIPALITY = "venue_municipality";

	static final String PARTICIPANT_REF = "participant_ref";

	static final String GENDER = "gender";

	static final String BIRTH_YEAR = "birth_year";

	static final String DISABILITY = "disability";

	static final String HOME_MUNICIPALITY = "home_municipality";

	static final String ORGANIZATION_CODE = "organization_code";

	static final String ORGANIZATION_NAME = "organization_name";

	static final String ORGANIZATION_KIND = "organization_kind";

	static final String ROLE = "role";

	static final List<String> REQUIRED = List.of(ACTIVITY_CODE, PROJECT_CODE, PARTICIPANT_REF, GENDER);

	static final List<String> ALL = List.of(ACTIVITY_CODE, ACTIVITY_TITLE, ACTIVITY_KIND, PROJECT_CODE, START_DATE,
			END_DATE, VENUE_MUNICIPALITY, PARTICIPANT_REF, GENDER, BIRTH_YEAR, DISABILITY, HOME_MUNICIPALITY,
			ORGANIZATION_CODE, ORGANIZATION_NAME, ORGANIZATION_KIND, ROLE);

	private Columns() {
	}

}
