package org.kvali.intake;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem or remark about a sheet: the row as the user sees it (the header is row 1; null for the whole sheet),
 * the column, the value read, and what is wrong with it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportMessage(Integer row, String column, String value, String message) {
}
