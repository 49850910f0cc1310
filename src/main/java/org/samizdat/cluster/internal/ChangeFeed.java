package org.samizdat.cluster.internal;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every relayed event this node publishes to the change feed, inside the transaction that made the
 * change (or on its own when there is none), so other nodes learn of exactly the changes that committed.
 */
@Component
class ChangeFeed {

    private static final ThreadLocal<Boolean> REPLAYING = ThreadLocal.withInitial(() -> false);

    private final ChangeFeedRepository feed;
    private final JsonMapper json;
    private final String node = UUID.randomUUID().toString();

    ChangeFeed(ChangeFeedRepository feed) {
        this.feed = feed;
        this.json = JsonMapper.builder().build();
    }

    String node() {
        return node;
    }

    JsonMapper json() {
        return json;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(Object event) {
        if (REPLAYING.get()) {
            return;
        }
        RelayedEvents.nameOf(event).ifPresent(type -> feed.append(node, type, json.writeValueAsString(event)));
    }

    /** Runs the replay of another node's event without writing it back to the feed. */
    static void replaying(Runnable replay) {
        REPLAYING.set(true);
        try {
            replay.run();
        } finally {
            REPLAYING.set(false);
        }
    }
}
