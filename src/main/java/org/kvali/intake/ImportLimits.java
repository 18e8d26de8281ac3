package org.kvali.intake;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on one attendance sheet; a limit below 1 stops the start, naming the setting (with -5 rows, every sheet was
 * refused as too long).
 *
 * @param maxBytes largest body accepted (in bytes, or with a unit: 50MB); larger is refused with 413
 * @param maxRows most data rows accepted; more is refused with 413
 * @param maxCellLength longest value of a cell; a longer one is an error of its row
 * @param concurrent sheets loaded at once by one instance; each holds a database connection while its body arrives
 * @param uploadTime longest a body may take to arrive; a sheet sent slower is refused with 408, so that a client
 * trickling a few bytes at a time cannot hold a turn and a connection for as long as it likes
 */
@Validated
@ConfigurationProperties("kvali.import")
public record ImportLimits(@DefaultValue("50MB") DataSize maxBytes, @DefaultValue("250000") @Positive int maxRows,
		@DefaultValue("500") @Positive int maxCellLength, @DefaultValue("4") @Positive int concurrent,
		@DefaultValue("10m") @DurationMin(seconds = 1) Duration uploadTime) {

	public ImportLimits {
		if (maxBytes.toBytes() < 1) {
			throw new IllegalArgumentException(
					"kvali.import.max-bytes (KVALI_IMPORT_MAX_BYTES) must be 1B or more; it is " + maxBytes);
		}
	}
}
