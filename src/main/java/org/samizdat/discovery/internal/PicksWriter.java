package org.samizdat.discovery.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes kept "Read more" picks in transactions of their own. Picks computed while a page is rendered (inside
 * content's read-only transaction, holding its connection) are written afterwards by one background thread, so a
 * render never waits for a second connection; drops after a story event are written at once, before the
 * newsroom's request returns.
 */
@Component
class PicksWriter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PicksWriter.class);

    private final ReadMoreRepository rows;
    private final TransactionTemplate own;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "read-more-writer");
        thread.setDaemon(true);
        return thread;
    });

    PicksWriter(ReadMoreRepository rows, PlatformTransactionManager transactions) {
        this.rows = rows;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Keeps the picks later, unless {@code current} says a change has happened since they were computed (asked
     * and written under the same lock as {@link #now}, so a change cannot slip in between).
     */
    void keepLater(StoredPicks picks, BooleanSupplier current) {
        background.execute(() -> {
            try {
                synchronized (this) {
                    if (current.getAsBoolean()) {
                        own.executeWithoutResult(status -> rows.save(picks));
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Could not keep the Read more picks of story {}", picks.storyId(), e);
            }
        });
    }

    /** Runs database work now, in a transaction of its own. */
    synchronized void now(java.util.function.Consumer<ReadMoreRepository> work) {
        own.executeWithoutResult(status -> work.accept(rows));
    }

    /** Waits until the picks handed over so far are written. */
    void drain() {
        try {
            background.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        background.shutdown();
    }
}
