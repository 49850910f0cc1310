package org.samizdat.content.internal;

import java.time.Instant;
import java.util.List;
import org.samizdat.content.StoryStatus;
import org.samizdat.shared.Language;

/** A story as the newsroom edits it: the Markdown source and every editable field. */
public record StoryDraft(
        Long id,
        Language language,
        String slug,
        String headline,
        String standfirst,
        String bodyMarkdown,
        Long leadMediaId,
        String leadCaption,
        String leadCredit,
        Long sectionId,
        List<String> tags,
        List<Long> authorIds,
        Long translationId,
        StoryStatus status,
        Instant publishAt,
        Instant publishedAt,
        Instant updatedAt,
        Long createdBy,
        String seoTitle,
        String seoDescription,
        boolean featured) {

    public StoryDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
        authorIds = authorIds == null ? List.of() : List.copyOf(authorIds);
    }

    public boolean isLive() {
        return status == StoryStatus.PUBLISHED;
    }
}
