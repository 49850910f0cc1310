package org.samizdat.distribution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which files an incremental export reads again, from the previous manifest and state alone. */
class IncrementalPlanTest {

    static final String[] FILES = {"index.html", "en/index.html", "en/feed.xml", "assets/site.css", "media/5/w320.jpg",
            "en/stories/a/index.html", "en/stories/b/index.html", "en/stories/c/index.html",
            "en/tags/x/index.html", "en/tags/x/page-2.html", "en/tags/x/feed.xml",
            "en/tags/y/index.html", "en/tags/y/feed.xml", "en/search/index.js", ExportState.FILE};

    final Manifest manifest = manifest();
    final ExportState state = new ExportState("v", "c", new TreeMap<>(Map.of(
            1L, new ExportState.Story(100, "en/stories/a/index.html"),
            2L, new ExportState.Story(200, "en/stories/b/index.html"),
            3L, new ExportState.Story(300, "en/stories/c/index.html"))),
            new TreeMap<>(Map.of("en/index.html", List.of(1L, 2L, 3L), "en/stories/a/index.html", List.of(2L),
                    "en/stories/b/index.html", List.of(3L), "en/tags/x/index.html", List.of(3L, 2L),
                    "en/tags/x/page-2.html", List.of(1L), "en/tags/y/index.html", List.of(3L))));

    @Test
    void anEditReadsTheStoryThePagesShowingItAndItsListingsFeeds() {
        var plan = IncrementalPlan.plan(manifest, state, Set.of(1L, 2L, 3L),
                List.of(new IncrementalPlan.Changed(2, "en/stories/b/index.html", 200, Set.of("en/tags/x"))),
                id -> Set.of());
        assertThat(plan.fetch()).containsExactlyInAnyOrder("/", "/en", "/en/feed.xml", "/assets/site.css",
                "/en/stories/b", "/en/stories/a", "/en/tags/x", "/en/tags/x/feed.xml");
        assertThat(plan.carry()).containsExactlyInAnyOrder("media/5/w320.jpg", "en/stories/c/index.html",
                "en/tags/x/page-2.html", "en/tags/y/index.html", "en/tags/y/feed.xml");
        assertThat(plan.touched()).containsExactly(2L);
    }

    @Test
    void aStoryThatLeavesAListingShiftsEveryPageOfIt() {
        var plan = IncrementalPlan.plan(manifest, state, Set.of(1L, 2L, 3L),
                List.of(new IncrementalPlan.Changed(3, "en/stories/c/index.html", 300, Set.of("en/tags/x"))),
                id -> Set.of());
        assertThat(plan.fetch()).contains("/en/tags/x", "/en/tags/x?page=2", "/en/tags/x/feed.xml", "/en/tags/y",
                "/en/tags/y/feed.xml", "/en/stories/b", "/en/stories/c");
        assertThat(plan.carry()).containsExactlyInAnyOrder("media/5/w320.jpg", "en/stories/a/index.html");
    }

    @Test
    void aGoneStoryIsNeitherCarriedNorReadAndItsPagesAreReadAgain() {
        var plan = IncrementalPlan.plan(manifest, state, Set.of(1L, 2L), List.of(), id -> Set.of());
        assertThat(plan.stories()).containsOnlyKeys(1L, 2L);
        assertThat(plan.fetch()).doesNotContain("/en/stories/c").contains("/en/stories/b", "/en/tags/x",
                "/en/tags/x?page=2", "/en/tags/y");
        assertThat(plan.carry()).doesNotContain("en/stories/c/index.html").contains("en/stories/a/index.html");
    }

    @Test
    void nothingChangedReadsOnlyTheGlobalPages() {
        var plan = IncrementalPlan.plan(manifest, state, Set.of(1L, 2L, 3L), List.of(), id -> Set.of());
        assertThat(plan.fetch()).containsExactlyInAnyOrder("/", "/en", "/en/feed.xml", "/assets/site.css");
        assertThat(plan.touched()).isEmpty();
    }

    @Test
    void theStateReadsBackAsWritten() {
        assertThat(ExportState.parse(state.bytes())).isEqualTo(state);
        assertThat(ExportState.parse("samizdat-export-state/1\nversion\tv\n".getBytes())).isNull();
        assertThat(ExportState.parse("samizdat-export-state/1\nversion\tv\ncatalogue\tc\nstory\tx\t1\tf\n".getBytes()))
                .isNull();
    }

    static Manifest manifest() {
        SortedMap<String, Manifest.Entry> files = new TreeMap<>();
        for (String file : FILES) {
            files.put(file, new Manifest.Entry("0".repeat(64), 1));
        }
        return new Manifest("n", Instant.EPOCH, "k", files);
    }
}
