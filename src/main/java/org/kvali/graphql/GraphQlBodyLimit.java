package org.kvali.graphql;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * A GraphQL request's body is read whole before the limits on its document apply, so any key could have the service
 * parse 100 MB of JSON. A body longer than {@code kvali.graphql.max-body} (1 MB; the longest document is 50,000
 * characters) is refused with 413: by its Content-Length before it is read, or, sent in chunks, as it passes the
 * limit, which {@link MalformedRequests} answers; one still arriving after {@code kvali.graphql.body-time} (10 s) is
 * refused with 408 at its next bytes: a byte every few seconds, below the server's own timeout (the silence between
 * two packets), held a thread for as long as a body of 1 MB took, and 220 such held every thread, health probes too
 * (a tester's).
 */
@Component
class GraphQlBodyLimit extends OncePerRequestFilter {

	private final long max;

	private final Duration time;

	private final JsonMapper json;

	GraphQlBodyLimit(RequestLimits limits, JsonMapper json) {
		this.max = limits.maxBody().toBytes();
		this.time = limits.bodyTime();
		this.json = json;
	}

	/** The path as the router reads it, decoded: {@code /%67raphql} reaches GraphQL too. */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"/graphql".equals(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.max) {
			MalformedRequests.refuse(response, this.json, HttpStatus.CONTENT_TOO_LARGE,
					new TooLarge(this.max).getMessage());
			return;
		}
		chain.doFilter(new Limited(request, this.max, this.time), response);
	}

	/** A body cut off at the limit: {@link MalformedRequests} answers 413 when reading the body failed with it. */
	static final class TooLarge extends IOException {

		TooLarge(long max) {
			super("The request body is larger than " + max + " bytes; a GraphQL request is far smaller");
		}

	}

	/** A body still arriving after its time: {@link MalformedRequests} answers 408. */
	static final class TooSlow extends IOException {

		TooSlow(Duration time) {
			super("The request body took longer than " + time.toMillis() / 1000.0 + " s to arrive; a GraphQL request is"
					+ " small: send it again");
		}

	}

	/**
	 * The request, its body cut off with an error once more than {@code max} bytes are read, or once bytes still come
	 * after {@code time}.
	 */
	static final class Limited extends HttpServletRequestWrapper {

		private final long max;

		private final Duration time;

		private final long started = System.nanoTime();

		private ServletInputStream body;

		Limited(HttpServletRequest request, long max, Duration time) {
			super(request);
			this.max = max;
			this.time = time;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.body == null) {
				var in = super.getInputStream();
				this.body = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						count(b < 0 ? 0 : 1);
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						count(Math.max(n, 0));
						return n;
					}

					private void count(int n) throws IOException {
						this.read += n;
						if (this.read > Limited.this.max) {
							throw new TooLarge(Limited.this.max);
						}
						// bytes that came late, not the end of a body that came whole
						if (n > 0 && System.nanoTime() - Limited.this.started > Limited.this.time.toNanos()) {
							throw new TooSlow(Limited.this.time);
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}
				};
			}
			return this.body;
		}

	}

}
