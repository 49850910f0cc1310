package org.samizdat.mail;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The wire under an {@link SmtpSession}: writes bytes in one call each (timed, for {@link WriteTimeouts}) and
 * reads replies, multi-line ones included. A socket may be swapped for its TLS wrapper after STARTTLS.
 */
final class SmtpChannel {

    private static final int MAX_LINE = 4096;

    /** A reply: its code and first line. */
    record Reply(int code, String line) {
    }

    private final int readTimeout;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private volatile long writingSince;

    SmtpChannel(int readTimeout) {
        this.readTimeout = readTimeout;
    }

    void attach(Socket s) throws IOException {
        socket = s;
        socket.setSoTimeout(readTimeout);
        in = new BufferedInputStream(socket.getInputStream(), 1024);
        out = socket.getOutputStream();
    }

    Socket socket() {
        return socket;
    }

    /** Sends a command line and reads its reply; throws {@link RelayReply} unless its code is {@code expected}. */
    void command(String line, int expected) throws IOException {
        send((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        Reply reply = read(null);
        if (expected > 0) {
            expect(reply, expected);
        }
    }

    static void expect(Reply reply, int expected) throws RelayReply {
        if (reply.code() != expected && !(expected == 250 && reply.code() == 251)) {
            throw new RelayReply(reply.code(), reply.line());
        }
    }

    void send(byte[] bytes) throws IOException {
        send(bytes, bytes.length);
    }

    void send(byte[] bytes, int length) throws IOException {
        writingSince = System.nanoTime() | 1;
        try {
            out.write(bytes, 0, length);
            out.flush();
        } finally {
            writingSince = 0;
        }
    }

    /** Reads one reply, its lines into {@code lines} when given. */
    Reply read(List<String> lines) throws IOException {
        String first = null;
        while (true) {
            String line = line();
            if (line.length() < 3 || !Character.isDigit(line.charAt(0)) || !Character.isDigit(line.charAt(1))
                    || !Character.isDigit(line.charAt(2)) || (line.length() > 3 && " -".indexOf(line.charAt(3)) < 0)) {
                throw new IOException("Not an SMTP reply");
            }
            if (first == null) {
                first = line;
            }
            if (lines != null) {
                lines.add(line.length() > 3 ? line : line + " ");
            }
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new Reply(Integer.parseInt(first.substring(0, 3)), first);
            }
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("The relay closed the connection");
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("SMTP reply line too long");
            }
            line.append((char) b);
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    /** Milliseconds the current write has been blocked, 0 when none is under way. */
    long writingFor(long now) {
        long since = writingSince;
        return since == 0 ? 0 : (now - since) / 1_000_000;
    }

    boolean open() {
        return socket != null && !socket.isClosed();
    }

    void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closed either way.
            }
        }
    }
}
