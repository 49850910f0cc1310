package org.samizdat.newsletter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of the test SMTP server that, once {@code pass} messages have ended, holds back the server's
 * answers on every connection whose message has just ended: the server receives and stores the message, the sender
 * never learns it was accepted. {@link #held()} counts connections in that state.
 */
final class HoldingRelay implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final int pass;
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    HoldingRelay(int targetPort, int pass) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.targetPort = targetPort;
        this.pass = pass;
        Thread accept = new Thread(this::accept, "holding-relay");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int held() {
        return held.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getByName("127.0.0.1"), targetPort);
                boolean[] holding = new boolean[1];
                start(() -> pumpToServer(client, upstream, holding));
                start(() -> pumpToClient(upstream, client, holding));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Forwards the sender's bytes, watching for the end of each message (CRLF . CRLF). */
    private void pumpToServer(Socket client, Socket upstream, boolean[] holding) {
        byte[] window = new byte[5];
        try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
            int b;
            while ((b = in.read()) >= 0) {
                System.arraycopy(window, 1, window, 0, 4);
                window[4] = (byte) b;
                if (window[0] == '\r' && window[1] == '\n' && window[2] == '.' && window[3] == '\r' && window[4] == '\n'
                        && ended.incrementAndGet() > pass) {
                    synchronized (holding) {
                        holding[0] = true;
                    }
                    held.incrementAndGet();
                }
                out.write(b);
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException ignored) {
            // A side closed; so does the other.
        } finally {
            closeQuietly(upstream);
        }
    }

    private void pumpToClient(Socket upstream, Socket client, boolean[] holding) {
        byte[] buffer = new byte[8192];
        try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                boolean hold;
                synchronized (holding) {
                    hold = holding[0];
                }
                if (hold) {
                    release.await();
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException ignored) {
            // A side closed; so does the other.
        } finally {
            closeQuietly(client);
        }
    }

    private static void start(Runnable pump) {
        Thread thread = new Thread(pump, "holding-relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        release.countDown();
        server.close();
    }
}
