package org.kvali.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.kvali.graphql.Text;

/**
 * One problem or remark about a sheet: the row as the user sees it (as the spreadsheet numbers it, the header's
 * among them; null for the whole sheet), the column, the value read, and what is wrong with it. Column, value and
 * message are kept as {@link Text#visible} shows them: a control character or an override in a refused cell or an
 * unknown header, repeated in any, can neither be stored in the report's JSON nor turn the message around.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportMessage(Integer row, String column, String value, String message) {

	/** The most characters of a value repeated: a cell may hold 500. */
	static final int MAX_VALUE = 200;

	/**
	 * The first {@code most} of the messages, and a last one telling how many more there are: a sheet may give a
	 * warning or an error on each of its 250,000 rows, and every report is kept and read back.
	 */
	static List<ImportMessage> listed(List<ImportMessage> messages, int most, String what) {
		return listed(messages, 0, most, what);
	}

	/** As {@link #listed(List, int, String)}, of the messages and {@code leftOut} more found after them. */
	static List<ImportMessage> listed(List<ImportMessage> messages, int leftOut, int most, String what) {
		if (messages.size() <= most && leftOut == 0) {
			return List.copyOf(messages);
		}
		var listed = new ArrayList<>(messages.subList(0, Math.min(most, messages.size())));
		listed.add(new ImportMessage(null, null, null, String.format(Locale.ROOT, "%,d more %s are not listed",
				messages.size() - listed.size() + leftOut, what)));
		return List.copyOf(listed);
	}

	/** Said of a problem told once for all its rows, at the first: how many rows have it, where more than one. */
	static String inRows(int rows) {
		return rows == 1 ? "" : " (in " + rows + " rows, the first shown)";
	}

	public ImportMessage {
		column = column == null ? null : Text.visible(column);
		// escaped, then cut: read back from the stored report, the same value comes out
		value = value == null ? null : Text.preview(Text.visible(value), MAX_VALUE);
		message = Text.visible(message);
	}

}
