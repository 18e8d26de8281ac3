package org.kvali.time;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock of the service, in the zone of its programmes ({@code kvali.time-zone}, Georgia's unless set). */
@Configuration(proxyBeanMethods = false)
class ServiceClock {

	private static final Logger log = LoggerFactory.getLogger(ServiceClock.class);

	@Bean
	Clock clock(@Value("${kvali.time-zone:Asia/Tbilisi}") String zone) {
		Clock clock;
		try {
			clock = Clock.system(ZoneId.of(zone));
		}
		catch (DateTimeException ex) {
			throw new IllegalStateException("kvali.time-zone (KVALI_TIME_ZONE) is '" + zone
					+ "', which is no time zone; give a region such as Asia/Tbilisi or Europe/Brussels", ex);
		}
		// said once, so that a zone mistaken for another (Etc/GMT+4 is four hours behind UTC) shows at the start
		var now = ZonedDateTime.now(clock);
		var offset = now.getOffset().getTotalSeconds() == 0 ? "+00:00" : now.getOffset().getId();
		log.info("Today is {} in {} (UTC{})", now.toLocalDate(), clock.getZone(), offset);
		return clock;
	}

}
