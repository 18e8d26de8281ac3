package org.kvali.time;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceClockTest {

	@Test
	void aZoneIsTakenAndOneThatIsNoneStopsTheStart() {
		var clocks = new ServiceClock();
		assertThat(clocks.clock("Asia/Tbilisi").getZone()).isEqualTo(ZoneId.of("Asia/Tbilisi"));
		assertThat(clocks.clock("Europe/Brussels").getZone()).isEqualTo(ZoneId.of("Europe/Brussels"));
		assertThatThrownBy(() -> clocks.clock("Georgia/Tbilisi")).isInstanceOf(IllegalStateException.class)
			.hasMessage("kvali.time-zone (KVALI_TIME_ZONE) is 'Georgia/Tbilisi', which is no time zone; give a region "
					+ "such as Asia/Tbilisi or Europe/Brussels");
	}

}
