package org.kvali.intake;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.kvali.graphql.Text;

/**
 * One problem or remark about a sheet: the row as the user sees it (the header is row 1; null for the whole sheet),
 * the column, the value read, and what is wrong with it. Column, value and message are kept as {@link Text#visible}
 * shows them: a control character or an override in a refused cell or an unknown header, repeated in any, can neither
 * be stored in the report's JSON nor turn the message around.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportMessage(Integer row, String column, String value, String message) {

	/** The most characters of a value repeated: a cell may hold 500. */
	static final int MAX_VALUE = 200;

	public ImportMessage {
		column = column == null ? null : Text.visible(column);
		// escaped, then cut: read back from the stored report, the same value comes out
		value = value == null ? null : Text.preview(Text.visible(value), MAX_VALUE);
		message = Text.visible(message);
	}

}
