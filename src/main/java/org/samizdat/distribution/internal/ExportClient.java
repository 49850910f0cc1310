package org.samizdat.distribution.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code export-mirror}'s side of the control socket: finds the socket of the server running on the same data
 * folder and asks it for an export, so the command needs no application of its own (a warm JVM, and the embedded
 * database the server holds is no obstacle).
 */
public final class ExportClient {

    static final String SOCKET_OPTION = "--samizdat.distribution.control-socket=";
    static final String DATA_DIR_OPTION = "--samizdat.data-dir=";

    /** What asking came to. */
    public sealed interface Answer permits Done, Busy, Failed, NoServer {
    }

    /** The server exported. */
    public record Done(MirrorExport.Result result) implements Answer {
    }

    /** An export was already running in the server; nothing was done. */
    public record Busy(String reason) implements Answer {
    }

    /** The server refused the request or its export failed. */
    public record Failed(String reason) implements Answer {
    }

    /** Nobody listens on the socket: the command should start an application of its own. */
    public record NoServer(String reason) implements Answer {
    }

    private ExportClient() {
    }

    /**
     * The socket a server started with these options and environment listens on, found as its configuration
     * would: {@code --samizdat.distribution.control-socket=}, {@code SAMIZDAT_CONTROL_SOCKET},
     * {@code --samizdat.data-dir=}, {@code SAMIZDAT_DATA_DIR}, else {@code ./data}; then {@code <data-dir>/run/export.sock}.
     * Null when the socket is turned off (set blank).
     */
    public static Path socket(List<String> options, Map<String, String> env) {
        String socket = last(options, SOCKET_OPTION);
        if (socket == null) {
            socket = env.get("SAMIZDAT_CONTROL_SOCKET");
        }
        if (socket == null) {
            String dataDir = last(options, DATA_DIR_OPTION);
            if (dataDir == null) {
                dataDir = env.getOrDefault("SAMIZDAT_DATA_DIR", "./data");
            }
            socket = dataDir + "/run/export.sock";
        }
        try {
            return socket.isBlank() ? null : Path.of(socket.strip()).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Asks the server listening on {@code socket} to export into {@code out} (made absolute here) and waits for it. */
    public static Answer ask(Path socket, boolean full, Path out) {
        String request;
        try {
            request = ControlProtocol.request(full, out.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            return new Failed(e.getMessage());
        }
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return new NoServer("no running server: no control socket");
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            return new NoServer("no running server: nobody listens on the control socket");
        }
        try (channel) {
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            String reply = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                    StandardCharsets.UTF_8)).readLine();
            return answer(reply);
        } catch (IOException e) {
            return new Failed("the server did not answer: " + e.getMessage());
        }
    }

    private static Answer answer(String reply) {
        if (reply == null) {
            return new Failed("the server closed the connection without an answer (did it stop?)");
        }
        if (reply.startsWith("OK ")) {
            try {
                return new Done(ControlProtocol.result(reply));
            } catch (IllegalArgumentException e) {
                return new Failed(e.getMessage());
            }
        }
        if (reply.startsWith("BUSY")) {
            return new Busy(reply.substring(4).strip());
        }
        return new Failed(reply.startsWith("FAILED") ? reply.substring(6).strip() : "unexpected reply: " + reply);
    }

    private static String last(List<String> options, String prefix) {
        String value = null;
        for (String option : options) {
            if (option.startsWith(prefix)) {
                value = option.substring(prefix.length());
            }
        }
        return value;
    }
}
