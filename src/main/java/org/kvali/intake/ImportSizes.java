package org.kvali.intake;

import graphql.analysis.FieldComplexityEnvironment;

import org.kvali.graphql.ListSizes;

import org.springframework.stereotype.Component;

/**
 * How many warnings and errors an import's report may list (with the line telling how many more there are): weighed
 * as pages of 10, the errors of a page of 100 reports, 4 MB each, weighed 60,000 and passed (a review's).
 */
@Component
class ImportSizes implements ListSizes {

	@Override
	public Integer most(FieldComplexityEnvironment field) {
		return switch (field.getParentType().getName() + "." + field.getField().getName()) {
			case "Import.warnings" -> ImportReport.WARNINGS + 1;
			case "Import.errors" -> ImportReport.ERRORS + 1;
			default -> null;
		};
	}

}
