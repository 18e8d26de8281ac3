package org.kvali.graphql;

import java.io.IOException;

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
 * limit, which {@link MalformedRequests} answers.
 */
@Component
class GraphQlBodyLimit extends OncePerRequestFilter {

	private final long max;

	private final JsonMapper json;

	GraphQlBodyLimit(RequestLimits limits, JsonMapper json) {
		this.max = limits.maxBody().toBytes();
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
		chain.doFilter(new Limited(request, this.max), response);
	}

	/** A body cut off at the limit: {@link MalformedRequests} answers 413 when reading the body failed with it. */
	static final class TooLarge extends IOException {

		TooLarge(long max) {
			super("The request body is larger than " + max + " bytes; a GraphQL request is far smaller");
		}

	}

	/** The request, its body cut off with an error once more than {@code max} bytes are read. */
	static final class Limited extends HttpServletRequestWrapper {

		private final long max;

		private ServletInputStream body;

		Limited(HttpServletRequest request, long max) {
			super(request);
			this.max = max;
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
