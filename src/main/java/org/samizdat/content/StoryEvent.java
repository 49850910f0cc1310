package org.samizdat.content;

import java.util.List;
import org.samizdat.shared.Language;

/**
 * What every story event carries: which story, in which language, under which addresses it was
 * and is reachable, and the section, tags and authors whose listings show it.
 */
public sealed interface StoryEvent permits StoryPublished, StoryChanged, StoryWithdrawn {

    long storyId();

    Language language();

    /** Current and previous slugs, so listeners can find every address the story had. */
    List<String> slugs();

    String sectionSlug();

    List<String> tagSlugs();

    List<String> authorSlugs();

    /** Other pages that link to this story by name, such as its translation's page. */
    List<String> linkedPaths();
}
