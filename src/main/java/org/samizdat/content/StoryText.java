package org.samizdat.content;

import java.time.Instant;
import java.util.List;
import org.samizdat.shared.Language;

/** A live story with its full sanitised text, its section, tags and bylines: what indexes and feeds need. */
public record StoryText(
        long id,
        Language language,
        String slug,
        String headline,
        String standfirst,
        String bodyHtml,
        SectionRef section,
        List<TagRef> tags,
        List<AuthorRef> authors,
        Instant publishedAt,
        Instant updatedAt) {

    public String path() {
        return StoryPaths.story(language, slug);
    }
}
