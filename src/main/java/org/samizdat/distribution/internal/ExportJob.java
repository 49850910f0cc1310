package org.samizdat.distribution.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The newsroom's export button: one export at a time, on a background thread, into the configured folder,
 * against this node's own web server (on the loopback address unless it listens on one address only). Its state is what the newsroom page shows.
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
        Instant now = clock.instant();
        State running = new State(true, now, 0, 0, null, false);
        State before = state.get();
        if (before.running() || port <= 0 || !state.compareAndSet(before, running)) {
            return false;
        }
        Thread thread = new Thread(() -> run(full, now), "mirror-export");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    private void run(boolean full, Instant startedAt) {
        try {
            MirrorExport.Result result = export.export("http://" + host + ":" + port, folder, full,
                    (done, queued) -> state.set(new State(true, startedAt, done, queued, null, false)));
            state.set(new State(false, startedAt, result.files(), result.files(), result, false));
        } catch (Exception e) {
            log.warn("Static mirror export failed: {}", e.toString());
            state.set(new State(false, startedAt, 0, 0, null, true));
        }
    }
}
