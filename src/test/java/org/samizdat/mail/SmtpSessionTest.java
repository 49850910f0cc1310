package org.samizdat.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bulk SMTP client against a relay written here, so each rule of the protocol can be checked on the wire. */
class SmtpSessionTest {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void pipelinesTheEnvelopeAndSendsTheMessageDotStuffed() throws Exception {
        relay("250-PIPELINING", true);
        try (SmtpSession session = SmtpSession.open(settings(null, 30_000))) {
            session.send("news@example.org", "reader@example.org", "Subject: x\r\n\r\n.dot\r\nend".getBytes(), () -> { });
            session.send("news@example.org", "second@example.org", "Subject: y\r\n\r\ntwo\r\n".getBytes(), () -> { });
        }
        assertThat(lines).containsSubsequence("MAIL FROM:<news@example.org>", "RCPT TO:<reader@example.org>", "DATA",
                "Subject: x", "", "..dot", "end", ".", "MAIL FROM:<news@example.org>", "RCPT TO:<second@example.org>");
    }

    @Test
    void theNextEnvelopeGoesOutWithTheFinalDot() throws Exception {
        relay("250-PIPELINING", true);
        try (SmtpSession session = SmtpSession.open(settings(null, 30_000))) {
            session.sendStuffed("news@example.org", "reader@example.org", "one\r\n".getBytes(), 5, () -> { },
                    "second@example.org");
            assertThat(session.announced()).isEqualTo("second@example.org");
            session.sendStuffed("news@example.org", "second@example.org", "two\r\n".getBytes(), 5, () -> { }, null);
            assertThat(session.announced()).isNull();
        }
        assertThat(lines).containsSubsequence("DATA", "one", ".", "MAIL FROM:<news@example.org>",
                "RCPT TO:<second@example.org>", "DATA", "two", ".");
        assertThat(lines).filteredOn(l -> l.startsWith("MAIL FROM")).hasSize(2);
    }

    @Test
    void anAnnouncedRecipientTheRelayRefusesFailsItsOwnMessageOnly() throws Exception {
        relay("250-PIPELINING", true);
        try (SmtpSession session = SmtpSession.open(settings(null, 30_000))) {
            session.sendStuffed("news@example.org", "reader@example.org", "one\r\n".getBytes(), 5, () -> { },
                    "perm@example.org");
            assertThatThrownBy(() -> session.sendStuffed("news@example.org", "perm@example.org", "two\r\n".getBytes(),
                    5, () -> { }, null)).isInstanceOfSatisfying(RelayReply.class, r -> assertThat(r.code()).isEqualTo(550));
            assertThat(session.stage()).isZero();
        }
        assertThat(lines).contains("one").doesNotContain("two");
    }

    @Test
    void anAnnouncedMessageThatNeverComesIsDroppedByClosing() throws Exception {
        relay("250-PIPELINING", true);
        SmtpSession session = SmtpSession.open(settings(null, 30_000));
        session.sendStuffed("news@example.org", "reader@example.org", "one\r\n".getBytes(), 5, () -> { },
                "second@example.org");
        assertThatThrownBy(() -> session.sendStuffed("news@example.org", "other@example.org", "x\r\n".getBytes(), 3,
                () -> { }, null)).isInstanceOf(IllegalStateException.class);
        session.quit();
        Thread.sleep(200);
        assertThat(lines).containsSubsequence("one", ".", "RCPT TO:<second@example.org>", "DATA")
                .doesNotContain("x", "QUIT");
        assertThat(lines).filteredOn("."::equals).hasSize(1);
    }

    @Test
    void noNextEnvelopeWithoutPipelining() throws Exception {
        relay("250-SIZE 1000000", false);
        try (SmtpSession session = SmtpSession.open(settings(null, 30_000))) {
            session.sendStuffed("news@example.org", "reader@example.org", "one\r\n".getBytes(), 5, () -> { },
                    "second@example.org");
            assertThat(session.announced()).isNull();
        }
        assertThat(lines).doesNotContain("RCPT TO:<second@example.org>");
    }

    @Test
    void waitsForEachReplyWithoutPipelining() throws Exception {
        relay("250-SIZE 1000000", false);
        try (SmtpSession session = SmtpSession.open(settings(null, 30_000))) {
            session.send("news@example.org", "reader@example.org", "Subject: x\r\n\r\nhi\r\n".getBytes(), () -> { });
        }
        assertThat(lines).containsSubsequence("RCPT TO:<reader@example.org>", "DATA", "hi", ".");
    }

    @Test
    void logsInWithPlainCredentials() throws Exception {
        relay("250-AUTH LOGIN PLAIN", false);
        try (SmtpSession session = SmtpSession.open(settings("ed", 30_000))) {
            session.send("news@example.org", "reader@example.org", "x\r\n".getBytes(), () -> { });
        }
        String plain = lines.stream().filter(l -> l.startsWith("AUTH PLAIN ")).findFirst().orElseThrow();
        assertThat(new String(Base64.getDecoder().decode(plain.substring(11)), StandardCharsets.UTF_8))
                .isEqualTo("\0ed\0secret");
    }

    @Test
    void aRefusedRecipientIsARelayReplyWithItsCode() throws Exception {
        relay("250-PIPELINING", true);
        try (SmtpSession session = SmtpSession.open(settings(null, 30_000))) {
            assertThatThrownBy(() -> session.send("news@example.org", "perm@example.org", "x\r\n".getBytes(), () -> { }))
                    .isInstanceOfSatisfying(RelayReply.class, r -> assertThat(r.code()).isEqualTo(550));
            assertThat(session.stage()).isZero();
        }
    }

    @Test
    void aRefusingHookKeepsTheFinalDotBack() throws Exception {
        relay("250-PIPELINING", true);
        SmtpSession session = SmtpSession.open(settings(null, 30_000));
        assertThatThrownBy(() -> session.send("news@example.org", "reader@example.org", "body\r\n".getBytes(), () -> {
            throw new IllegalStateException("claim lost");
        })).isInstanceOf(IOException.class);
        assertThat(session.stage()).isEqualTo(1);
        session.close();
        Thread.sleep(200);
        assertThat(lines).contains("body").doesNotContain(".");
    }

    @Test
    void refusesAddressesThatCouldInjectCommands() throws Exception {
        relay("250-PIPELINING", true);
        try (SmtpSession session = SmtpSession.open(settings(null, 30_000))) {
            assertThatThrownBy(() -> session.send("news@example.org", "a@b.org>\r\nRCPT TO:<c@d.org", "x".getBytes(),
                    () -> { })).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(lines).noneMatch(l -> l.startsWith("RCPT"));
    }

    @Test
    void aWriteTheRelayNeverReadsTimesOut() throws Exception {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        daemon(() -> {
            try (Socket s = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = s.getOutputStream();
                write(out, "220 stalls");
                in.readLine();
                write(out, "250-stalls\r\n250 PIPELINING");
                for (int i = 0; i < 3; i++) {
                    in.readLine();
                }
                write(out, "250 ok\r\n250 ok\r\n354 go");
                Thread.sleep(20_000);
            } catch (IOException | InterruptedException ignored) {
                // The test is over.
            }
        });
        long start = System.nanoTime();
        try (SmtpSession session = SmtpSession.open(settings(null, 1_000))) {
            assertThatThrownBy(() -> session.send("news@example.org", "reader@example.org", new byte[32 << 20], () -> { }))
                    .isInstanceOf(IOException.class);
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(15_000);
    }

    private RelaySettings settings(String user, int writeTimeout) {
        Properties session = new Properties();
        session.put("mail.smtp.auth", String.valueOf(user != null));
        session.put("mail.smtp.timeout", "5000");
        session.put("mail.smtp.writetimeout", String.valueOf(writeTimeout));
        session.put("mail.smtp.localhost", "sender.test");
        return RelaySettings.of("127.0.0.1", server.getLocalPort(), user, "secret", session);
    }

    /**
     * A relay with one extension line; {@code strict} holds the replies to MAIL and RCPT until DATA arrived, which
     * only a pipelining client survives. Recipients starting with "perm" are refused.
     */
    private void relay(String extension, boolean strict) throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        daemon(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    converse(s, extension, strict);
                } catch (IOException ignored) {
                    // Next connection, or the end of the test.
                }
            }
        });
    }

    private void converse(Socket s, String extension, boolean strict) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = s.getOutputStream();
        write(out, "220 test relay");
        List<String> held = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            lines.add(line);
            if (line.startsWith("EHLO")) {
                write(out, "250-test relay greets sender.test\r\n" + extension + "\r\n250 8BITMIME");
            } else if (line.startsWith("AUTH")) {
                write(out, "235 2.7.0 ok");
            } else if (line.startsWith("MAIL") || line.startsWith("RCPT")) {
                String reply = line.contains("<perm") ? "550 5.1.1 no such user" : "250 ok";
                if (strict) {
                    held.add(reply);
                } else {
                    write(out, reply);
                }
            } else if (line.equals("DATA")) {
                held.add(held.stream().anyMatch(r -> r.startsWith("5")) ? "554 no valid recipients" : "354 go");
                write(out, String.join("\r\n", held));
                boolean go = held.get(held.size() - 1).startsWith("354");
                held.clear();
                while (go && (line = in.readLine()) != null) {
                    lines.add(line);
                    if (line.equals(".")) {
                        write(out, "250 2.0.0 queued");
                        break;
                    }
                }
            } else if (line.equals("QUIT")) {
                write(out, "221 bye");
                return;
            } else {
                write(out, "250 ok");
            }
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "test-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
