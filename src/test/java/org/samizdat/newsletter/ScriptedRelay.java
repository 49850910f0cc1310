package org.samizdat.newsletter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP server whose answers depend on the recipient: {@code perm…} is refused for good (550 5.1.1),
 * {@code temp…} always later (451 4.3.0), {@code flaky…} twice later then accepted; everyone else is accepted.
 * Counts connections and accepted messages per recipient (a message cut off before its final dot is dropped). With {@code pipelining} it offers PIPELINING (RFC 2920);
 * either way it reads and answers one command at a time, and refuses DATA after a refused recipient.
 */
final class ScriptedRelay implements AutoCloseable {

    private final ServerSocket server;
    final AtomicInteger connections = new AtomicInteger();
    final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    private final boolean pipelining;

    ScriptedRelay() throws IOException {
        this(false);
    }

    /** A relay listening already, for a test class's static field. */
    static ScriptedRelay started(boolean pipelining) {
        try {
            return new ScriptedRelay(pipelining);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    ScriptedRelay(boolean pipelining) throws IOException {
        this.pipelining = pipelining;
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    Thread session = new Thread(() -> session(socket), "scripted-relay");
                    session.setDaemon(true);
                    session.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "scripted-relay-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int accepted(String recipient) {
        return accepted.getOrDefault(recipient, new AtomicInteger()).get();
    }

    private void session(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.US_ASCII)); OutputStream out = socket.getOutputStream()) {
            reply(out, "220 scripted ESMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, pipelining ? "250-scripted\r\n250 PIPELINING" : "250 scripted");
                } else if (command.startsWith("MAIL FROM")) {
                    recipient = null;
                    reply(out, "250 2.1.0 ok");
                } else if (command.startsWith("RCPT TO")) {
                    String to = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    String answer = answer(to);
                    recipient = answer.startsWith("2") ? to : null;
                    reply(out, answer);
                } else if (command.equals("DATA") && recipient == null) {
                    reply(out, "554 5.5.1 no valid recipients");
                } else if (command.equals("DATA")) {
                    reply(out, "354 go ahead");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // The message itself is not needed.
                    }
                    if (line == null) {
                        return;
                    }
                    accepted.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet();
                    reply(out, "250 2.0.0 queued");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (IOException ignored) {
            // The client went away.
        }
    }

    private String answer(String recipient) {
        int attempt = tries.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet();
        if (recipient.startsWith("perm")) {
            return "550 5.1.1 <" + recipient + ">: no such user";
        }
        if (recipient.startsWith("temp") || (recipient.startsWith("flaky") && attempt <= 2)) {
            return "451 4.3.0 <" + recipient + ">: try again later";
        }
        return "250 2.1.5 ok";
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
