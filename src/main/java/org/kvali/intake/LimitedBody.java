package org.kvali.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * A request body refused with 413 as soon as more than the limit has been read, not after reading it all, and with
 * 408 as soon as it has taken longer than its time to arrive (the server's own timeout counts only the silence
 * between two packets, which a row every ten seconds never reaches).
 */
final class LimitedBody extends FilterInputStream {

	private final long limit;

	private final Duration time;

	private final long started = System.nanoTime();

	private long read;

	LimitedBody(InputStream in, long limit, Duration time) {
		super(in);
		this.limit = limit;
		this.time = time;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		count(skipped);
		return skipped;
	}

	private void count(long n) {
		this.read += n;
		if (this.read > this.limit) {
			throw new SheetException(HttpStatus.PAYLOAD_TOO_LARGE,
					"The sheet is larger than " + this.limit + " bytes; split it into smaller sheets");
		}
		if (System.nanoTime() - this.started > this.time.toNanos()) {
			throw new SheetException(HttpStatus.REQUEST_TIMEOUT, "The upload took longer than " + this.time.toSeconds()
					+ " s; nothing was stored: send it again over a faster connection, or in smaller sheets");
		}
	}

}
