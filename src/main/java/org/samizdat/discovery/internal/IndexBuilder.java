package org.samizdat.discovery.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.samizdat.content.Stories;
import org.samizdat.content.StoryText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fills the index from the database and keeps single stories in step. A rebuild writes every live story
 * under a new generation and then drops the documents of older generations, so searches keep working while
 * it runs; stories changed meanwhile are synced again at the end, so no change is lost to the race.
 */
@Component
public class IndexBuilder {

    private static final Logger log = LoggerFactory.getLogger(IndexBuilder.class);
    private static final int BATCH = 500;

    private final SearchIndex index;
    private final Stories stories;
    private final ReadMorePicks picks;
    private final ReentrantLock building = new ReentrantLock();
    private volatile Set<Long> touched;
    private volatile String generation;
    private volatile Build lastBuild;
    private volatile boolean inStep;
    private final java.util.concurrent.atomic.AtomicBoolean commitPending = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.ExecutorService committer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "search-index-commit");
        thread.setDaemon(true);
        return thread;
    });

    /** What the last rebuild did. */
    public record Build(int stories, long millis, java.time.Instant finishedAt) {
    }

    IndexBuilder(SearchIndex index, Stories stories, ReadMorePicks picks) {
        this.index = index;
        this.stories = stories;
        this.picks = picks;
        this.generation = index.committed().getOrDefault("generation", "0");
    }

    /** True when the index is missing, from another schema, or reflects other content than the database. */
    public boolean stale() {
        Map<String, String> committed = index.committed();
        boolean stale = !SearchIndex.SCHEMA.equals(committed.get("schema"))
                || !stories.fingerprint().equals(committed.get("fingerprint"));
        inStep = !stale;
        return stale;
    }

    public boolean running() {
        return building.isLocked();
    }

    public Build lastBuild() {
        return lastBuild;
    }

    /** Rebuilds the whole index; false if a rebuild is already running. */
    public boolean rebuild() {
        if (!building.tryLock()) {
            return false;
        }
        try {
            long start = System.nanoTime();
            String fingerprint = stories.fingerprint();
            touched = ConcurrentHashMap.newKeySet();
            if (!SearchIndex.SCHEMA.equals(index.committed().get("schema"))) {
                index.deleteAll();
            }
            String next = Long.toString(System.currentTimeMillis(), 36);
            generation = next;
            int count = 0;
            List<Probe> live = new java.util.ArrayList<>();
            long last = stories.maxStoryId();
            for (long after = 0; after < last; after += BATCH) {
                for (StoryText story : stories.textsBetween(after, Math.min(after + BATCH, last))) {
                    index.put(story.id(), StoryDocuments.of(story, next));
                    live.add(Probe.of(story));
                    count++;
                }
            }
            index.deleteOtherGenerations(next);
            Set<Long> changed = touched;
            touched = null;
            for (Long id : changed) {
                sync(id);
            }
            index.commit(fingerprint, next);
            inStep = true;
            index.refresh();
            long indexed = System.nanoTime();
            int computed = picks.refresh(live);
            lastBuild = new Build(count, (System.nanoTime() - start) / 1_000_000, java.time.Instant.now());
            log.info("Search index built: {} stories in {} ms, {} bytes; then \"Read more\" picks computed for {} stories"
                    + " in {} ms", count, (indexed - start) / 1_000_000, index.sizeOnDisk(), computed,
                    (System.nanoTime() - indexed) / 1_000_000);
            return true;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            touched = null;
            building.unlock();
        }
    }

    /** Brings one story's document in line with the database: written if live, removed otherwise. */
    java.util.Optional<StoryText> sync(long storyId) throws IOException {
        Set<Long> during = touched;
        if (during != null) {
            during.add(storyId);
        }
        List<StoryText> live = stories.texts(List.of(storyId));
        if (live.isEmpty()) {
            index.delete(storyId);
            return java.util.Optional.empty();
        }
        index.put(storyId, StoryDocuments.of(live.get(0), generation));
        return java.util.Optional.of(live.get(0));
    }

    /**
     * After a single change: sync it and make it searchable at once; the commit to disk follows in the
     * background (changes arriving meanwhile share one commit), so publishing never waits for an fsync. The
     * commit records the database's fingerprint only if the index was known to be in step; a stale index stays
     * marked stale.
     */
    void changed(long storyId) throws IOException {
        java.util.Optional<StoryText> live = sync(storyId);
        index.refresh();
        if (commitPending.compareAndSet(false, true)) {
            committer.execute(this::commitQuietly);
        }
        picks.changed(storyId, live.map(Probe::of));
    }

    private void commitQuietly() {
        commitPending.set(false);
        if (running()) {
            return;
        }
        try {
            String fingerprint = inStep ? stories.fingerprint() : index.committed().getOrDefault("fingerprint", "");
            index.commit(fingerprint, generation);
        } catch (Exception e) {
            log.warn("Could not commit the search index; it will be rebuilt on the next start if needed", e);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        committer.shutdown();
    }
}
