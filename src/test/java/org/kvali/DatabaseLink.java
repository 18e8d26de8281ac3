package org.kvali;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link from a port of its own to the tests' PostgreSQL, which a test cuts or silences and then restores: cut, it
 * closes every connection through it and hangs up on each new one, as a database that went away; silenced, it holds
 * what either side sends, as a paused server or a dropped network, and passes it on once restored.
 */
public final class DatabaseLink implements AutoCloseable {

	private final ServerSocket listener;

	private final int target;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	private volatile boolean silent;

	public DatabaseLink(int target) {
		this.target = target;
		try {
			this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		daemon("database-link", this::accept);
	}

	/** The port that leads to the database while the link is whole. */
	public int port() {
		return this.listener.getLocalPort();
	}

	/** Closes every connection through the link; new ones are hung up on until {@link #restore}. */
	public synchronized void cut() {
		this.cut = true;
		this.open.forEach(DatabaseLink::closeQuietly);
		this.open.clear();
	}

	/** Holds every byte sent either way until {@link #restore}. */
	public void silence() {
		this.silent = true;
	}

	public void restore() {
		this.cut = false;
		this.silent = false;
	}

	@Override
	public void close() {
		cut();
		closeQuietly(this.listener);
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				var client = this.listener.accept();
				// one lock with cut(): a connection taken just before the cut is closed by it, not left open
				synchronized (this) {
					if (this.cut) {
						client.close();
						continue;
					}
					var server = new Socket(InetAddress.getLoopbackAddress(), this.target);
					this.open.add(client);
					this.open.add(server);
					pipe(client, server);
					pipe(server, client);
				}
			}
			catch (IOException ex) {
				// the listener closed, or one connection failed to open: the next accept tells which
			}
		}
	}

	private void pipe(Socket from, Socket to) throws IOException {
		InputStream in = from.getInputStream();
		OutputStream out = to.getOutputStream();
		daemon("database-link-pipe", () -> {
			var buffer = new byte[8192];
			try (from; to) {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					while (this.silent) {
						Thread.sleep(20);
					}
					out.write(buffer, 0, read);
				}
			}
			catch (IOException ex) {
				// closed from either side
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.open.remove(from);
				this.open.remove(to);
			}
		});
	}

	private static void daemon(String name, Runnable work) {
		var thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
