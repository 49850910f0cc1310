package org.samizdat.newsletter;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of the test SMTP server that counts the messages passing through and can misbehave on
 * command: {@link #slowAnswers} holds each answer to the end of a message back for a while (so a test can act while
 * messages are in flight), and {@link #down}/{@link #up} make an outage: new connections are refused and open ones
 * are cut, each as soon as no message of its is between its final dot and the answer to it. Cutting there would hit
 * the documented residual window (a message the sender must count as unconfirmed), which is not what an outage test
 * is about; a message cut before its dot is simply not delivered and is retried.
 */
final class FaultyRelay implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ended = new AtomicInteger();
    private volatile ServerSocket server;
    private volatile boolean down;
    private volatile Duration answerDelay = Duration.ZERO;

    FaultyRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    int port() {
        return port;
    }

    /** Messages whose final dot passed through. */
    int ended() {
        return ended.get();
    }

    /** Connections whose message ended and whose answer has not gone back yet. */
    int awaitingAnswer() {
        return (int) links.stream().filter(l -> l.awaiting).count();
    }

    void slowAnswers(Duration delay) {
        answerDelay = delay;
    }

    /** The outage starts: the port stops accepting, open connections are cut (see the class comment). */
    synchronized void down() throws IOException {
        down = true;
        server.close();
        for (Link link : links) {
            link.cutWhenIdle();
        }
    }

    /** The relay is back on the same port. */
    synchronized void up() throws IOException {
        down = false;
        server = listen(port);
        accept(server);
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 50);
        return socket;
    }

    private void accept(ServerSocket listening) {
        Thread thread = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    if (down) {
                        client.close();
                        continue;
                    }
                    Link link = new Link(client, new Socket(InetAddress.getByName("127.0.0.1"), targetPort));
                    links.add(link);
                    start(link::pumpToServer);
                    start(link::pumpToClient);
                } catch (IOException e) {
                    return;
                }
            }
        }, "faulty-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private static void start(Runnable pump) {
        Thread thread = new Thread(pump, "faulty-relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        links.forEach(Link::close);
    }

    /** One sender's connection and its upstream twin, with the SMTP state the outage needs. */
    private final class Link {
        final Socket client;
        final Socket upstream;
        boolean inData;
        volatile boolean awaiting;
        boolean cut;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        synchronized void cutWhenIdle() {
            cut = true;
            if (!inData && !awaiting) {
                close();
            }
        }

        void pumpToServer() {
            byte[] window = new byte[5];
            StringBuilder line = new StringBuilder();
            try (InputStream in = new BufferedInputStream(client.getInputStream());
                    OutputStream out = upstream.getOutputStream()) {
                int b;
                while ((b = in.read()) >= 0) {
                    synchronized (this) {
                        if (cut && !inData && !awaiting) {
                            close();
                            return;
                        }
                        System.arraycopy(window, 1, window, 0, 4);
                        window[4] = (byte) b;
                        if (inData && window[0] == '\r' && window[1] == '\n' && window[2] == '.' && window[3] == '\r'
                                && window[4] == '\n') {
                            inData = false;
                            awaiting = true;
                            ended.incrementAndGet();
                        } else if (!inData) {
                            line.append((char) b);
                            if (b == '\n') {
                                inData = line.toString().strip().toUpperCase(Locale.ROOT).equals("DATA");
                                line.setLength(0);
                                window[3] = '\r';
                                window[4] = '\n';
                            }
                        }
                    }
                    out.write(b);
                    if (in.available() == 0) {
                        out.flush();
                    }
                }
            } catch (IOException ignored) {
                // A side closed; so does the other.
            } finally {
                close();
            }
        }

        void pumpToClient() {
            byte[] buffer = new byte[8192];
            try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (awaiting && !answerDelay.isZero()) {
                        Thread.sleep(answerDelay.toMillis());
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    synchronized (this) {
                        awaiting = false;
                        if (cut && !inData) {
                            close();
                            return;
                        }
                    }
                }
            } catch (IOException | InterruptedException ignored) {
                // A side closed; so does the other.
            } finally {
                close();
            }
        }

        void close() {
            links.remove(this);
            for (Socket socket : new Socket[] {client, upstream}) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Already closed.
                }
            }
        }
    }
}
