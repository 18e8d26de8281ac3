package org.kvali.report;

/** The database ids of the report index's organizations, activities and persons, numbered in their tables' order. */
record EntityIds(DenseIds organizations, DenseIds activities, DenseIds persons) {

	EntityIds(SourceTable organizations, SourceTable activities, SourceTable persons) {
		this(new DenseIds(organizations.ids()), new DenseIds(activities.ids()), new DenseIds(persons.ids()));
	}

}
