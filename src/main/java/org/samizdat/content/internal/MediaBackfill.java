package org.samizdat.content.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After start, writes the variants that photos stored by an older version (or restored without their variants)
 * lack, one photo at a time on a background thread, so readers rarely wait for a rebuild on their first request.
 * A variant still missing when asked for is built on that request instead.
 */
@Component
class MediaBackfill {

    private static final Logger log = LoggerFactory.getLogger(MediaBackfill.class);
    private static final int PAGE = 200;

    private final MediaRepository repository;
    private final MediaStore store;
    private final boolean onStart;

    MediaBackfill(MediaRepository repository, MediaStore store,
            @Value("${samizdat.media.backfill-on-start:true}") boolean onStart) {
        this.repository = repository;
        this.store = store;
        this.onStart = onStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        if (onStart) {
            Thread thread = new Thread(this::run, "media-backfill");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    /** Completes every photo's variants; returns how many photos got missing variants written. */
    int run() {
        int rebuilt = 0;
        long after = 0;
        try {
            List<MediaInfo> page;
            do {
                page = repository.after(after, PAGE);
                for (MediaInfo info : page) {
                    after = info.id();
                    if (!store.complete(info) && store.rebuild(info, true)) {
                        rebuilt++;
                    }
                }
            } while (page.size() == PAGE);
        } catch (RuntimeException e) {
            log.warn("Stopped completing photo variants after photo {}: {}", after, e.toString());
        }
        if (rebuilt > 0) {
            log.info("Completed the variants of {} photos", rebuilt);
        }
        return rebuilt;
    }
}
