package org.samizdat.content;

import java.time.Instant;
import org.samizdat.shared.Language;

/** Where a live story lives and when it was published and last changed: one line of a sitemap. */
public record StoryStamp(long id, Language language, String slug, String headline, Instant publishedAt,
        Instant updatedAt) {

    public String path() {
        return StoryPaths.story(language, slug);
    }
}
