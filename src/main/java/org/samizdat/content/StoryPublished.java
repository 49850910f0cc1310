package org.samizdat.content;

import java.util.List;
import org.samizdat.shared.Language;

/** A story went live for readers (now, or when its scheduled time came). */
public record StoryPublished(long storyId, Language language, List<String> slugs, String sectionSlug,
        List<String> tagSlugs, List<String> authorSlugs, List<String> linkedPaths) implements StoryEvent {
}
