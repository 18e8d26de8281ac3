package org.kvali.intake;

import java.util.List;

/** A sheet as read: its normalized header and its data rows. */
record Sheet(List<String> header, List<SheetRow> rows) {
}
