package org.samizdat.discovery.internal;

import org.samizdat.content.StoryEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index in step with content: each committed story event re-reads that story (published or
 * edited: indexed again; withdrawn: removed) before the publishing request returns. On start, an index that
 * is missing or stale (or {@code samizdat.search.rebuild-on-start=true}) is rebuilt in the background while
 * the site already serves pages.
 */
@Component
class IndexUpdates {

    private static final Logger log = LoggerFactory.getLogger(IndexUpdates.class);

    private final IndexBuilder builder;
    private final boolean rebuildOnStart;

    IndexUpdates(IndexBuilder builder, @Value("${samizdat.search.rebuild-on-start:false}") boolean rebuildOnStart) {
        this.builder = builder;
        this.rebuildOnStart = rebuildOnStart;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StoryEvent event) {
        try {
            builder.changed(event.storyId());
        } catch (Exception e) {
            log.error("Could not update the search index for story {}; rebuild it from the newsroom", event.storyId(), e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        Thread thread = new Thread(() -> {
            try {
                if (rebuildOnStart || builder.stale()) {
                    builder.rebuild();
                }
            } catch (Exception e) {
                log.error("Could not build the search index", e);
            }
        }, "search-index-build");
        thread.setDaemon(true);
        thread.start();
    }
}
