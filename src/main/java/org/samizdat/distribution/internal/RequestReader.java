package org.samizdat.distribution.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Reads the one request line of a control socket connection, refusing a line longer than
 * {@link ControlProtocol#MAX_REQUEST} bytes, one that is not UTF-8, and a client that says nothing for
 * {@link #TIMEOUT_SECONDS} seconds (a UNIX channel has no read timeout of its own, so it waits on a selector).
 */
final class RequestReader {

    static final int TIMEOUT_SECONDS = 10;
    /** How much of an overlong request is read and dropped, so the client is not cut off before the reply. */
    private static final int DRAIN = 1 << 20;

    /** A request refused before it was parsed; the message is the reason to reply. */
    static final class Refused extends Exception {

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private RequestReader() {
    }

    /** The request line without its line feed, or null when the client closed without a byte. */
    static String read(SocketChannel client) throws IOException, Refused {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        long total = 0;
        boolean ended = false;
        client.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            client.register(selector, SelectionKey.OP_READ);
            while (!ended && total <= ControlProtocol.MAX_REQUEST + DRAIN) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new Refused("no request within " + TIMEOUT_SECONDS + " s; " + ControlProtocol.USAGE);
                }
                selector.select(left);
                buffer.clear();
                int n = client.read(buffer);
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n && !ended; i++) {
                    byte b = buffer.get(i);
                    ended = b == '\n';
                    if (!ended && ++total <= ControlProtocol.MAX_REQUEST) {
                        line.write(b);
                    }
                }
            }
        } finally {
            client.configureBlocking(true); // the selector is closed, so the channel may block again
        }
        if (total > ControlProtocol.MAX_REQUEST) {
            throw new Refused("the request is longer than " + ControlProtocol.MAX_REQUEST + " bytes");
        }
        if (!ended && total == 0) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line.toByteArray())).toString();
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        } catch (CharacterCodingException e) {
            throw new Refused("the request is not UTF-8");
        }
    }
}
