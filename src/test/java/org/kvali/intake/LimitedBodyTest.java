package org.kvali.intake;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitedBodyTest {

	/**
	 * A body trickling in, a byte every 300 ms (which no server timeout between packets catches), is refused once it
	 * has taken longer than its time; one arriving at once is read whole.
	 */
	@Test
	void aBodyArrivingTooSlowlyIsRefused() throws Exception {
		var trickle = new InputStream() {

			int sent;

			@Override
			public int read() {
				try {
					Thread.sleep(300);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return this.sent++ < 100 ? 'a' : -1;
			}

			/** One byte a read, as a network stream gives what has arrived. */
			@Override
			public int read(byte[] buffer, int offset, int length) {
				int b = read();
				if (b < 0) {
					return -1;
				}
				buffer[offset] = (byte) b;
				return 1;
			}

		};
		var slow = new LimitedBody(trickle, 1_000, Duration.ofSeconds(1));
		assertThatThrownBy(slow::readAllBytes).isInstanceOfSatisfying(SheetException.class,
				ex -> assertThat(ex.status()).isEqualTo(HttpStatus.REQUEST_TIMEOUT))
			.hasMessage("The upload took longer than 1 s; nothing was stored: send it again over a faster connection, "
					+ "or in smaller sheets");
		// after about a second (a slow machine's sleeps of 300 ms may each take longer), not after the 30 s the whole
		// body takes
		assertThat(trickle.sent).isBetween(2, 6);
		var fast = new LimitedBody(new ByteArrayInputStream(new byte[1_000]), 1_000, Duration.ofSeconds(1));
		assertThat(fast.readAllBytes()).hasSize(1_000);
	}

}
