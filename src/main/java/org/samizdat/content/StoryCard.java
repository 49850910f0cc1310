package org.samizdat.content;

import java.time.Instant;
import org.samizdat.shared.Language;

/** A story as listed on home, section, tag and author pages. */
public record StoryCard(
        long id,
        Language language,
        String slug,
        String headline,
        String standfirst,
        Instant publishedAt,
        SectionRef section,
        Long leadMediaId,
        String leadCaption) {

    public String path() {
        return StoryPaths.story(language, slug);
    }
}
