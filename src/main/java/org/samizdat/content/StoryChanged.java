package org.samizdat.content;

import java.util.List;
import org.samizdat.shared.Language;

/** A live story was edited: its text, photo, slug, section, tags or authors changed. */
public record StoryChanged(long storyId, Language language, List<String> slugs, String sectionSlug,
        List<String> tagSlugs, List<String> authorSlugs, List<String> linkedPaths) implements StoryEvent {
}
