package org.samizdat.discovery.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A story's kept "Read more" picks: the picked ids in order, the story's {@code updated_at} they were computed
 * for (in milliseconds) and when. They stand for the story as long as it has not been edited since (by the
 * newsroom or behind the application's back) and they are younger than the maximum age.
 */
record StoredPicks(long storyId, List<Long> picks, long storyUpdatedMs, Instant computedAt) {

    StoredPicks {
        picks = List.copyOf(picks);
    }

    boolean validFor(Instant storyUpdatedAt, Instant now, Duration maxAge) {
        return storyUpdatedMs == millis(storyUpdatedAt) && !computedAt.plus(maxAge).isBefore(now);
    }

    static long millis(Instant updatedAt) {
        return updatedAt == null ? 0 : updatedAt.toEpochMilli();
    }

    /** The ids as stored: {@code ,12,34,} so that {@code like '%,12,%'} finds the rows that pick story 12. */
    static String encode(List<Long> picks) {
        return picks.stream().map(String::valueOf).collect(Collectors.joining(",", ",", ","));
    }

    static List<Long> decode(String picks) {
        return Arrays.stream(picks.split(",")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
    }
}
