package org.kvali.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A GraphQL body still arriving after its time is cut off at its next bytes: a byte every few seconds held a thread
 * for as long as the body took, and 220 such held every thread, health probes too (a tester's).
 */
class GraphQlBodyLimitTest {

	@Test
	void aBodyArrivingTooSlowlyIsCutOffAtItsNextBytes() throws IOException {
		// the first byte well within the time, on a slow machine too; the next few past it
		var slow = new GraphQlBodyLimit.Limited(request(new Trickle(150)), 1_000_000, Duration.ofMillis(500));
		var in = slow.getInputStream();
		assertThat(in.read()).isEqualTo('{');
		assertThatThrownBy(() -> {
			for (int i = 0; i < 10; i++) {
				in.read();
			}
		}).isInstanceOf(GraphQlBodyLimit.TooSlow.class)
			.hasMessage("The request body took longer than 0.5 s to arrive; a GraphQL request is small: send it again");
		// in time, the same body is read whole
		var quick = new GraphQlBodyLimit.Limited(request(new Trickle(0)), 1_000_000, Duration.ofSeconds(10));
		assertThat(new String(quick.getInputStream().readAllBytes())).isEqualTo("{\"query\": \"{ x }\"}");
	}

	private static MockHttpServletRequest request(InputStream body) {
		return new MockHttpServletRequest() {

			@Override
			public ServletInputStream getInputStream() {
				return new ServletInputStream() {

					@Override
					public int read() throws IOException {
						return body.read();
					}

					@Override
					public boolean isFinished() {
						return false;
					}

					@Override
					public boolean isReady() {
						return true;
					}

					@Override
					public void setReadListener(ReadListener listener) {
					}
				};
			}
		};
	}

	/** A small JSON body, one byte every {@code pause} milliseconds. */
	private static final class Trickle extends InputStream {

		private final byte[] body = "{\"query\": \"{ x }\"}".getBytes();

		private final long pause;

		private int next;

		Trickle(long pause) {
			this.pause = pause;
		}

		@Override
		public int read() throws IOException {
			try {
				Thread.sleep(this.pause);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
			return this.next < this.body.length ? this.body[this.next++] : -1;
		}

	}

}
