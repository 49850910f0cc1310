package org.samizdat.content;

import java.time.Instant;
import java.util.List;
import org.samizdat.shared.Language;

/** Everything a reader sees on a story page. {@code bodyHtml} has already been sanitised. */
public record PublishedStory(
        long id,
        Language language,
        String slug,
        String headline,
        String standfirst,
        String bodyHtml,
        Long leadMediaId,
        String leadCaption,
        String leadCredit,
        SectionRef section,
        List<AuthorRef> authors,
        List<TagRef> tags,
        Instant publishedAt,
        Instant updatedAt,
        String seoTitle,
        String seoDescription,
        String translationPath) {

    public String path() {
        return StoryPaths.story(language, slug);
    }
}
