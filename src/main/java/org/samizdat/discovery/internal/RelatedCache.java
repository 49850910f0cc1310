package org.samizdat.discovery.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;

/**
 * "Read more" picks (story ids) by story, valid for one state of the search index: any publication, edit or
 * withdrawal refreshes the index reader, which empties the cache, so a reader never gets picks computed before
 * a change. Entries also expire after an hour (the ranking favours recent stories) and the cache is bounded.
 */
final class RelatedCache {

    /** Computes the picks when they are not cached. */
    interface Picks {
        List<Long> compute() throws IOException;
    }

    private record Key(long storyId, int limit) {
    }

    private record Entry(List<Long> ids, long at) {
    }

    private record State(IndexReader reader, Map<Key, Entry> entries) {
    }

    static final int MAX_ENTRIES = 50_000;
    static final long MAX_AGE_MS = 3_600_000;

    private volatile State state = new State(null, new ConcurrentHashMap<>());

    List<Long> get(IndexReader reader, long storyId, int limit, Picks picks) throws IOException {
        State current = state;
        if (current.reader() != reader) {
            current = new State(reader, new ConcurrentHashMap<>());
            state = current;
        }
        Key key = new Key(storyId, limit);
        long now = System.currentTimeMillis();
        Entry cached = current.entries().get(key);
        if (cached != null && now - cached.at() < MAX_AGE_MS) {
            return cached.ids();
        }
        List<Long> ids = List.copyOf(picks.compute());
        if (current.entries().size() < MAX_ENTRIES) {
            current.entries().put(key, new Entry(ids, now));
        }
        return ids;
    }

    void clear() {
        state = new State(null, new ConcurrentHashMap<>());
    }
}
