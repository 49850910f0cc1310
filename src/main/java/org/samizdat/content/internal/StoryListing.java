package org.samizdat.content.internal;

import java.time.Instant;
import org.samizdat.content.StoryStatus;
import org.samizdat.shared.Language;

/** A row of the newsroom's story list. */
public record StoryListing(long id, Language language, String slug, String headline, StoryStatus status,
        String sectionName, Instant publishAt, Instant publishedAt, Instant updatedAt, Long createdBy) {
}
