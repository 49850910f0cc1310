package org.samizdat.mail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A plain SMTP client session for sending many messages in a row (RFC 5321): EHLO, STARTTLS or implicit TLS with
 * the server's name checked, AUTH PLAIN or LOGIN, and {@code MAIL}, {@code RCPT} and {@code DATA} sent together
 * when the relay offers PIPELINING (RFC 2920), the next message's with this one's final dot, so a message in a row
 * costs one round trip. Each message goes out in one write, with a hook between its data and the final dot.
 * Jakarta Mail's transport wrote every byte through three filter streams and waited for each command's reply: most
 * of a bulk sender's time. Not thread-safe.
 */
final class SmtpSession implements AutoCloseable {

    private static final byte[] END = ".\r\n".getBytes(StandardCharsets.US_ASCII);

    private final RelaySettings settings;
    private final SmtpChannel wire;
    private List<String> extensions = List.of();
    /** Where the last message got to: 0 before its hook, 1 the hook refused it, 2 the final dot was on its way. */
    private int stage;
    private String announced;

    private SmtpSession(RelaySettings settings) {
        this.settings = settings;
        this.wire = new SmtpChannel(settings.readTimeout());
    }

    static SmtpSession open(RelaySettings settings) throws IOException {
        SmtpSession session = new SmtpSession(settings);
        try {
            session.start();
            return session;
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void start() throws IOException {
        Socket plain = new Socket();
        plain.setTcpNoDelay(true);
        plain.connect(new InetSocketAddress(settings.host(), settings.port()), settings.connectTimeout());
        wire.attach(plain);
        if (settings.tls()) {
            wire.attach(tls(plain));
        }
        SmtpChannel.expect(wire.read(null), 220);
        hello();
        if (settings.startTls() && !settings.tls()) {
            if (offers("STARTTLS")) {
                wire.command("STARTTLS", 220);
                wire.attach(tls(wire.socket()));
                hello();
            } else if (settings.startTlsRequired()) {
                throw new RelayReply(530, "530 5.7.0 the relay does not offer STARTTLS, which is required");
            }
        }
        if (settings.user() != null) {
            authenticate();
        }
        WriteTimeouts.watch(this, settings.writeTimeout());
    }

    private SSLSocket tls(Socket plain) throws IOException {
        SSLSocket secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(plain, settings.host(), settings.port(), true);
        SSLParameters parameters = secure.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        secure.setSSLParameters(parameters);
        secure.startHandshake();
        return secure;
    }

    private void hello() throws IOException {
        wire.send(("EHLO " + settings.heloName() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        List<String> lines = new ArrayList<>();
        if (wire.read(lines).code() == 250) {
            extensions = lines.subList(1, lines.size()).stream().map(l -> l.substring(4).toUpperCase(Locale.ROOT)).toList();
        } else {
            wire.command("HELO " + settings.heloName(), 250);
            extensions = List.of();
        }
    }

    private boolean offers(String extension) {
        return extensions.stream().anyMatch(e -> e.equals(extension) || e.startsWith(extension + " "));
    }

    private void authenticate() throws IOException {
        String mechanisms = extensions.stream().filter(e -> e.startsWith("AUTH ")).findFirst().orElse("") + " ";
        Base64.Encoder base64 = Base64.getEncoder();
        if (mechanisms.contains(" PLAIN ")) {
            String credentials = "\0" + settings.user() + "\0" + settings.password();
            wire.command("AUTH PLAIN " + base64.encodeToString(credentials.getBytes(StandardCharsets.UTF_8)), 235);
        } else if (mechanisms.contains(" LOGIN ")) {
            wire.command("AUTH LOGIN", 334);
            wire.command(base64.encodeToString(settings.user().getBytes(StandardCharsets.UTF_8)), 334);
            wire.command(base64.encodeToString(settings.password().getBytes(StandardCharsets.UTF_8)), 235);
        } else {
            throw new RelayReply(530, "530 5.7.0 the relay offers neither AUTH PLAIN nor AUTH LOGIN");
        }
    }

    /**
     * Sends one message (CRLF line ends, not yet dot-stuffed) from {@code from} to {@code to}. {@code beforeEnd}
     * runs after all its data went out and before the final dot; if it throws, the message is not ended (the
     * session is then unusable). Throws {@link RelayReply} for a refusal, another IOException when the connection
     * failed; {@link #stage()} then tells how far the message got.
     */
    void send(String from, String to, byte[] message, Runnable beforeEnd) throws IOException {
        byte[] data = SmtpData.stuffed(message);
        sendStuffed(from, to, data, data.length, beforeEnd, null);
    }

    /**
     * As {@link #send(String, String, byte[], Runnable)}, with the first {@code length} bytes of {@code data} already
     * as they go between DATA and the final dot (CRLF line ends, dot-stuffed). With {@code next}, and a relay that
     * pipelines, the next message's MAIL, RCPT and DATA go out with this one's final dot (RFC 2920 lets message
     * content start a group), so a message costs one round trip; the session then waits for that message's data,
     * and the next call must be for {@code next} (see {@link #announced()}). Their replies are read by that call.
     */
    void sendStuffed(String from, String to, byte[] data, int length, Runnable beforeEnd, String next)
            throws IOException {
        stage = 0;
        if (announced != null) {
            if (!announced.equals(to)) {
                throw new IllegalStateException("The relay waits for the data of another recipient");
            }
            announced = null;
            envelopeReplies();
        } else {
            envelope(from, to);
        }
        wire.send(data, length);
        try {
            beforeEnd.run();
        } catch (RuntimeException e) {
            stage = 1;
            throw new IOException("The message was stopped before its end", e);
        }
        stage = 2;
        byte[] end = next == null || !offers("PIPELINING") || !carriable(next) ? END
                : (".\r\nMAIL FROM:<" + from + ">\r\nRCPT TO:<" + next + ">\r\nDATA\r\n").getBytes(StandardCharsets.US_ASCII);
        wire.send(end);
        if (end != END) {
            announced = next;
        }
        SmtpChannel.expect(wire.read(null), 250);
    }

    /** The recipient whose MAIL, RCPT and DATA went out with the last final dot: the relay waits for its data. */
    String announced() {
        return announced;
    }

    private void envelope(String from, String to) throws IOException {
        String envelope = "MAIL FROM:<" + address(from) + ">\r\nRCPT TO:<" + address(to) + ">\r\n";
        if (offers("PIPELINING")) {
            wire.send((envelope + "DATA\r\n").getBytes(StandardCharsets.US_ASCII));
            envelopeReplies();
        } else {
            int cut = envelope.indexOf("\r\n") + 2;
            wire.command(envelope.substring(0, cut - 2), 250);
            wire.command(envelope.substring(cut, envelope.length() - 2), 250);
            wire.command("DATA", 354);
        }
    }

    /** Reads the replies to a pipelined MAIL, RCPT and DATA. */
    private void envelopeReplies() throws IOException {
        SmtpChannel.Reply mail = wire.read(null);
        SmtpChannel.Reply rcpt = wire.read(null);
        SmtpChannel.Reply start = wire.read(null);
        SmtpChannel.expect(mail, 250);
        SmtpChannel.expect(rcpt, 250);
        SmtpChannel.expect(start, 354);
    }

    private static boolean carriable(String address) {
        try {
            address(address);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    int stage() {
        return stage;
    }

    private static String address(String address) {
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c <= ' ' || c >= 127 || c == '<' || c == '>') {
                throw new IllegalArgumentException("Not an address SMTP can carry without SMTPUTF8");
            }
        }
        return address;
    }

    /** Milliseconds the current write has been blocked, 0 when none is under way. */
    long writingFor(long now) {
        return wire.writingFor(now);
    }

    /**
     * Says goodbye when the relay is still there, then closes; while the relay waits for an announced message's
     * data it only closes, which makes the relay drop that message.
     */
    void quit() {
        try {
            if (wire.open() && announced == null) {
                wire.command("QUIT", -1);
            }
        } catch (IOException | RuntimeException ignored) {
            // Closing anyway.
        }
        close();
    }

    @Override
    public void close() {
        WriteTimeouts.forget(this);
        wire.close();
    }
}
