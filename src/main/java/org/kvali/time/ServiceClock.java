package org.kvali.time;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock of the service, in the zone of its programmes ({@code kvali.time-zone}, Georgia's unless set). */
@Configuration(proxyBeanMethods = false)
class ServiceClock {

	@Bean
	Clock clock(@Value("${kvali.time-zone:Asia/Tbilisi}") String zone) {
		try {
			return Clock.system(ZoneId.of(zone));
		}
		catch (DateTimeException ex) {
			throw new IllegalStateException("kvali.time-zone (KVALI_TIME_ZONE) is '" + zone
					+ "', which is no time zone; give a region such as Asia/Tbilisi or Europe/Brussels", ex);
		}
	}

}
