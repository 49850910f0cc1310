package org.samizdat.discovery.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each story's "Read more" picks, computed by a similarity search when the story is indexed or first shown and
 * kept in the database, so the live site and a static mirror export show the same picks and a page rendered
 * again (in any process) costs no search. Kept picks are computed again when the story is edited, when a story
 * they pick changes or leaves, when a story like it is published or edited (so it can enter them), when the
 * catalogue changes, and after {@code samizdat.search.read-more-max-age} (the ranking favours recent stories).
 */
@Component
class ReadMorePicks {

    /** How many picks are kept per story: the block shows four. */
    static final int KEEP = 8;

    private final SearchIndex index;
    private final ReadMoreRepository rows;
    private final PicksWriter writer;
    private final Clock clock;
    private final Duration maxAge;
    /** Bumped by every change (under the writer's lock), so picks computed across one are not kept. */
    private final AtomicLong changes = new AtomicLong();

    ReadMorePicks(SearchIndex index, ReadMoreRepository rows, PicksWriter writer, Clock clock,
            @Value("${samizdat.search.read-more-max-age:P7D}") Duration maxAge) {
        this.index = index;
        this.rows = rows;
        this.writer = writer;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The story's picks, best first: the kept ones while they stand for it, otherwise computed now. */
    List<Long> of(Probe story) throws IOException {
        Optional<StoredPicks> kept = rows.find(story.id());
        if (kept.isPresent() && kept.get().validFor(story.updatedAt(), clock.instant(), maxAge)) {
            return kept.get().picks();
        }
        return compute(story);
    }

    /**
     * Computes the story's picks again and keeps them (written in the background) when the index holds the story
     * and no change comes between.
     */
    List<Long> compute(Probe story) {
        long seen = changes.get();
        return keep(story, index.search(s -> SimilarStories.of(s, story)), seen);
    }

    private List<Long> keep(Probe story, SimilarStories.Result similar, long seen) {
        List<Long> picks = similar.ids().subList(0, Math.min(KEEP, similar.ids().size()));
        if (similar.indexed()) {
            writer.keepLater(new StoredPicks(story.id(), picks, StoredPicks.millis(story.updatedAt()), clock.instant()),
                    () -> changes.get() == seen);
        }
        return picks;
    }

    /**
     * After a story was published, edited or withdrawn (and the index updated): its own picks, the picks that
     * name it and, when it is live, the picks of the stories it resembles (its own similar stories) are dropped;
     * its own are kept from that same search.
     */
    void changed(long storyId, Optional<Probe> live) {
        SimilarStories.Result similar = live.isEmpty() ? null : index.search(s -> SimilarStories.of(s, live.get()));
        long[] seen = new long[1];
        writer.now(rows -> {
            seen[0] = changes.incrementAndGet();
            rows.delete(storyId);
            rows.deletePicking(storyId);
            rows.delete(similar == null ? List.of() : similar.ids());
        });
        if (similar != null) {
            keep(live.get(), similar, seen[0]);
        }
    }

    /**
     * After a rebuild of the index: drops the picks of stories no longer live, treats a story edited behind the
     * application's back (its {@code updated_at} is not the one its picks were computed for) as changed, then
     * computes the picks of every live story that has none that stand. Returns how many were computed.
     */
    int refresh(List<Probe> live) {
        Map<Long, StoredPicks> kept = rows.all();
        Set<Long> liveIds = new HashSet<>();
        live.forEach(p -> liveIds.add(p.id()));
        List<Long> gone = kept.keySet().stream().filter(id -> !liveIds.contains(id)).sorted().toList();
        writer.now(rows -> rows.delete(gone));
        for (Probe story : live) {
            StoredPicks row = kept.get(story.id());
            if (row != null && row.storyUpdatedMs() != StoredPicks.millis(story.updatedAt())) {
                changed(story.id(), Optional.of(story));
            }
        }
        writer.drain();
        kept = rows.all();
        Instant now = clock.instant();
        List<Probe> missing = new ArrayList<>();
        for (Probe story : live) {
            StoredPicks row = kept.get(story.id());
            if (row == null || !row.validFor(story.updatedAt(), now, maxAge)) {
                missing.add(story);
            }
        }
        missing.parallelStream().forEach(this::compute);
        writer.drain();
        return missing.size();
    }

    /** A renamed tag or section changes what every story's query asks for. */
    @EventListener
    void on(org.samizdat.content.CatalogueChanged event) {
        writer.now(rows -> {
            changes.incrementAndGet();
            rows.deleteAll();
        });
    }
}
