package org.samizdat.distribution.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The control socket: a UNIX domain socket in the data folder on which the running server takes
 * {@code export-mirror}'s requests ({@link ControlProtocol}) and runs them through {@link ExportJob}. Only the
 * server's user can reach it: its folder is readable by its owner only. Nothing of it is on the web.
 */
@Component
class ExportSocket {

    private static final Logger log = LoggerFactory.getLogger(ExportSocket.class);
    /** Requests served at once; more connections are refused at once. */
    private static final int SLOTS = 8;

    private final ExportJob job;
    private final ApplicationContext context;
    private final String path;
    private final Semaphore slots = new Semaphore(SLOTS);
    private volatile ServerSocketChannel server;
    private volatile Path bound;

    ExportSocket(ExportJob job, ApplicationContext context,
            @Value("${samizdat.distribution.control-socket:}") String path) {
        this.job = job;
        this.context = context;
        this.path = path.strip();
    }

    @EventListener(ApplicationReadyEvent.class)
    void open() {
        if (path.isEmpty() || !job.serving() || server != null) {
            return;
        }
        Path socket;
        try {
            socket = Path.of(path).normalize();
        } catch (InvalidPathException e) {
            log.warn("No control socket: samizdat.distribution.control-socket is not a valid path");
            return;
        }
        try {
            ServerSocketChannel channel = SocketFile.bind(socket);
            if (channel == null) {
                log.warn("No control socket: another server already listens on it (same data folder?);"
                        + " export-mirror will talk to that one");
                return;
            }
            server = channel;
            bound = socket;
            Thread thread = new Thread(() -> accept(channel), "control-socket");
            thread.setDaemon(true);
            thread.start();
            log.info("Control socket open: export-mirror runs its exports in this server");
        } catch (IOException | RuntimeException e) {
            log.warn("No control socket ({}): export-mirror will start an application of its own",
                    SocketFile.reason(e, socket));
        }
    }

    @EventListener
    void on(ContextClosedEvent event) {
        if (event.getApplicationContext() != context) {
            return;
        }
        ServerSocketChannel channel = server;
        server = null;
        if (channel != null) {
            try {
                channel.close();
                Files.deleteIfExists(bound);
            } catch (IOException e) {
                log.warn("Could not remove the control socket: {}", e.getClass().getSimpleName());
            }
        }
    }

    private void accept(ServerSocketChannel channel) {
        while (channel.isOpen()) {
            SocketChannel client;
            try {
                client = channel.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.warn("Control socket: {}", e.toString());
                pause(); // out of file handles, say: do not spin
                continue;
            }
            if (!slots.tryAcquire()) {
                try (client) {
                    reply(client, "FAILED too many requests at once");
                } catch (IOException e) {
                    // the client went away
                }
                continue;
            }
            Thread thread = new Thread(() -> {
                try {
                    serve(client);
                } finally {
                    slots.release();
                }
            }, "control-socket-request");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Reads one request, answers it with one line and closes the connection. */
    private void serve(SocketChannel client) {
        try (client) {
            String line;
            try {
                line = RequestReader.read(client);
            } catch (RequestReader.Refused e) {
                reply(client, "FAILED " + e.getMessage());
                return;
            }
            if (line != null) {
                reply(client, answer(line));
            }
        } catch (IOException e) {
            log.debug("Control socket request: {}", e.toString());
        }
    }

    private String answer(String line) {
        ControlProtocol.Request request;
        try {
            request = ControlProtocol.parse(line);
        } catch (IllegalArgumentException e) {
            return "FAILED " + e.getMessage();
        }
        log.info("Static mirror export ({}) asked for on the control socket", request.full() ? "full" : "incremental");
        try {
            return job.exportNow(request.out(), request.full()).map(ControlProtocol::ok)
                    .orElse("BUSY an export is already running (the newsroom's or another command's); try again when it ends");
        } catch (IOException | RuntimeException e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            why = why.replaceAll("\\s+", " ");
            return "FAILED the export failed: " + (why.length() > 1000 ? why.substring(0, 1000) + "…" : why);
        }
    }

    private static void reply(SocketChannel client, String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            client.write(bytes);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
