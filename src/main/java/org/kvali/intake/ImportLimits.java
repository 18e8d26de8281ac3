package org.kvali.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on one attendance sheet.
 *
 * @param maxBytes largest body accepted; larger is refused with 413
 * @param maxRows most data rows accepted; more is refused with 413
 * @param maxCellLength longest value of a cell; a longer one is an error of its row
 * @param concurrent sheets loaded at once by one instance; each holds a database connection while its body arrives
 */
@ConfigurationProperties("kvali.import")
public record ImportLimits(@DefaultValue("52428800") long maxBytes, @DefaultValue("250000") int maxRows,
		@DefaultValue("500") int maxCellLength, @DefaultValue("4") int concurrent) {
}
