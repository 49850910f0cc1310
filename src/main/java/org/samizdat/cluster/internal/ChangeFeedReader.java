package org.samizdat.cluster.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the change feed and publishes other nodes' events again on this node. Each row is replayed once;
 * rows already in the feed when this node starts are only noted, since a starting node has nothing cached.
 */
@Component
class ChangeFeedReader {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeedReader.class);

    private final ChangeFeedRepository feed;
    private final ChangeFeed writer;
    private final ApplicationEventPublisher events;
    private final Duration window;
    private final Duration keep;
    private final Map<Long, Instant> seen = new HashMap<>();
    private boolean started;

    ChangeFeedReader(ChangeFeedRepository feed, ChangeFeed writer, ApplicationEventPublisher events,
                     @Value("${samizdat.cluster.window:30s}") Duration window,
                     @Value("${samizdat.cluster.keep:1h}") Duration keep) {
        this.feed = feed;
        this.writer = writer;
        this.events = events;
        this.window = window;
        this.keep = keep;
    }

    @Scheduled(fixedDelayString = "${samizdat.cluster.poll-interval:500ms}")
    synchronized void poll() {
        Instant now = Instant.now();
        for (ChangeFeedRepository.Change change : feed.recentFromOthers(writer.node(), window)) {
            if (seen.putIfAbsent(change.id(), now) == null && started) {
                replay(change);
            }
        }
        started = true;
        seen.values().removeIf(at -> at.isBefore(now.minus(window.multipliedBy(2))));
    }

    @Scheduled(fixedDelayString = "${samizdat.cluster.cleanup-interval:10m}", initialDelayString = "1m")
    void cleanUp() {
        feed.deleteOlderThan(keep);
    }

    private void replay(ChangeFeedRepository.Change change) {
        RelayedEvents.typeOf(change.type()).ifPresentOrElse(type -> {
            try {
                Object event = writer.json().readValue(change.payload(), type);
                ChangeFeed.replaying(() -> events.publishEvent(event));
            } catch (RuntimeException e) {
                log.warn("Could not replay change {} of type {} from another node", change.id(), change.type(), e);
            }
        }, () -> log.warn("Change {} has a type this node does not know: {}", change.id(), change.type()));
    }
}
