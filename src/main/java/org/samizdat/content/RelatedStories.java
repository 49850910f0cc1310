package org.samizdat.content;

import java.util.List;

/**
 * A way to pick the "Read more" stories for a story page, offered by another module (search finds them by
 * text similarity). Content knows only this interface; with no implementation, or when one returns too few,
 * {@link Stories#readMore} fills up with the latest stories of the same section.
 */
public interface RelatedStories {

    /** Up to {@code limit} live stories in the story's language, never the story itself. */
    List<StoryCard> related(PublishedStory story, int limit);
}
