package org.samizdat.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When kept "Read more" picks still stand for a story, and how they are written down. */
class StoredPicksTest {

    static final Instant EDITED = Instant.parse("2026-11-20T10:15:30.123Z");
    static final Instant COMPUTED = Instant.parse("2026-11-21T08:00:00Z");
    static final Duration WEEK = Duration.ofDays(7);

    final StoredPicks kept = new StoredPicks(7, List.of(12L, 3L, 45L), EDITED.toEpochMilli(), COMPUTED);

    @Test
    void standForTheEditTheyWereComputedForUntilTheyAreTooOld() {
        assertThat(kept.validFor(EDITED, COMPUTED, WEEK)).isTrue();
        assertThat(kept.validFor(EDITED.plusNanos(400_000), COMPUTED.plus(WEEK), WEEK)).as("same millisecond").isTrue();
        assertThat(kept.validFor(EDITED.plusMillis(1), COMPUTED, WEEK)).as("edited since").isFalse();
        assertThat(kept.validFor(null, COMPUTED, WEEK)).isFalse();
        assertThat(kept.validFor(EDITED, COMPUTED.plus(WEEK).plusMillis(1), WEEK)).as("too old").isFalse();
    }

    @Test
    void aStoryNeverEditedIsTheEpoch() {
        StoredPicks never = new StoredPicks(7, List.of(), StoredPicks.millis(null), COMPUTED);
        assertThat(never.validFor(null, COMPUTED, WEEK)).isTrue();
        assertThat(never.validFor(EDITED, COMPUTED, WEEK)).isFalse();
    }

    @Test
    void idsAreWrittenSoThatTheRowsPickingOneAreFoundWithLike() {
        assertThat(StoredPicks.encode(kept.picks())).isEqualTo(",12,3,45,");
        assertThat(StoredPicks.encode(List.of())).isEqualTo(",,");
        assertThat(StoredPicks.decode(",12,3,45,")).containsExactly(12L, 3L, 45L);
        assertThat(StoredPicks.decode(",,")).isEmpty();
        assertThat(StoredPicks.encode(kept.picks())).contains(",3,").doesNotContain(",4,").doesNotContain(",2,");
    }
}
