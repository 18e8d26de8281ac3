package org.kvali.report;

/** One sort key of a breakdown, as the schema's input of the same name. */
public record GroupOrder(GroupOrderField by, Direction direction) {

	public GroupOrder {
		direction = direction == null ? Direction.ASC : direction;
	}

}
