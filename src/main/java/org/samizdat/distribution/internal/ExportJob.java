package org.samizdat.distribution.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The running server's exports: one at a time, against this node's own web server (on the loopback address unless
 * it listens on one address only) — the newsroom's button on a background thread into the configured folder, and
 * {@code export-mirror} through the control socket ({@link ExportSocket}) into the folder it names. Its state is
 * what the newsroom page shows.
 */
@Component
public class ExportJob {

    private static final Logger log = LoggerFactory.getLogger(ExportJob.class);

    /** Where the last or current export stands. */
    public record State(boolean running, Instant startedAt, int done, int queued, MirrorExport.Result result,
            boolean failed) {

        static final State IDLE = new State(false, null, 0, 0, null, false);
    }

    private final MirrorExport export;
    private final Path folder;
    private final Clock clock;
    private final AtomicReference<State> state = new AtomicReference<>(State.IDLE);
    private final String host;
    private volatile int port;

    ExportJob(MirrorExport export, Clock clock, @Value("${samizdat.distribution.export-dir:}") String exportDir,
            @Value("${samizdat.data-dir:./data}") String dataDir, @Value("${server.address:}") String address) {
        this.export = export;
        this.host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1"
                : address.contains(":") ? "[" + address + "]" : address;
        this.clock = clock;
        this.folder = exportDir.isBlank() ? Path.of(dataDir, "mirror") : Path.of(exportDir);
    }

    @EventListener
    void on(WebServerInitializedEvent event) {
        if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    public State state() {
        return state.get();
    }

    public Path folder() {
        return folder.toAbsolutePath().normalize();
    }

    /** Starts an export unless one is running; false when one is. */
    public boolean start(boolean full) {
        Instant now = claim();
        if (now == null) {
            return false;
        }
        Thread thread = new Thread(() -> {
            try {
                run(folder, full, now);
            } catch (Exception e) {
                // run has logged it and the state says it failed
            }
        }, "mirror-export");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /**
     * Exports into {@code folder} on the calling thread, unless an export (the button's or another) is running:
     * then empty. Meanwhile the state shows this export, so the newsroom page follows it and the button waits.
     */
    Optional<MirrorExport.Result> exportNow(Path folder, boolean full) throws IOException {
        Instant now = claim();
        return now == null ? Optional.empty() : Optional.of(run(folder, full, now));
    }

    /** True once this node's web server listens, which every export reads its pages from. */
    boolean serving() {
        return port > 0;
    }

    /** Marks an export as running and returns its start, or null when one is running or nothing serves pages yet. */
    private Instant claim() {
        Instant now = clock.instant();
        State before = state.get();
        if (before.running() || port <= 0 || !state.compareAndSet(before, new State(true, now, 0, 0, null, false))) {
            return null;
        }
        return now;
    }

    private MirrorExport.Result run(Path into, boolean full, Instant startedAt) throws IOException {
        boolean done = false;
        try {
            MirrorExport.Result result = export.export("http://" + host + ":" + port, into, full,
                    (count, queued) -> state.set(new State(true, startedAt, count, queued, null, false)));
            state.set(new State(false, startedAt, result.files(), result.files(), result, false));
            done = true;
            return result;
        } catch (IOException | RuntimeException e) {
            log.warn("Static mirror export failed: {}", e.toString());
            throw e;
        } finally {
            if (!done) {
                state.set(new State(false, startedAt, 0, 0, null, true));
            }
        }
    }
}
