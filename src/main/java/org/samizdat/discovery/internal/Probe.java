package org.samizdat.discovery.internal;

import java.time.Instant;
import java.util.List;
import org.samizdat.content.PublishedStory;
import org.samizdat.content.StoryText;
import org.samizdat.content.TagRef;
import org.samizdat.shared.Language;

/** What "Read more" asks about a story: its language, section and tags, and the edit its picks are for. */
record Probe(long id, Language language, String section, List<String> tags, Instant updatedAt) {

    Probe {
        tags = List.copyOf(tags);
    }

    static Probe of(PublishedStory story) {
        return new Probe(story.id(), story.language(), story.section() == null ? null : story.section().slug(),
                story.tags().stream().map(TagRef::slug).toList(), story.updatedAt());
    }

    static Probe of(StoryText story) {
        return new Probe(story.id(), story.language(), story.section() == null ? null : story.section().slug(),
                story.tags().stream().map(TagRef::slug).toList(), story.updatedAt());
    }
}
