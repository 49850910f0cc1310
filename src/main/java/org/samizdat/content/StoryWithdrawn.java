package org.samizdat.content;

import java.util.List;
import org.samizdat.shared.Language;

/** A live story was taken down; it must vanish from every page, feed and index. */
public record StoryWithdrawn(long storyId, Language language, List<String> slugs, String sectionSlug,
        List<String> tagSlugs, List<String> authorSlugs, List<String> linkedPaths) implements StoryEvent {
}
