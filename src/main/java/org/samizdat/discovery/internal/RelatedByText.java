package org.samizdat.discovery.internal;

import java.util.List;
import org.samizdat.content.PublishedStory;
import org.samizdat.content.RelatedStories;
import org.samizdat.content.Stories;
import org.samizdat.content.StoryCard;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * "Read more" by similarity ({@link SimilarStories}): the story's kept picks ({@link ReadMorePicks}), as cards
 * read from the database, so only live stories come back. When a kept pick is no longer live (withdrawn without
 * the index hearing of it) the picks are computed again rather than shown short.
 */
@Component
class RelatedByText implements RelatedStories {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RelatedByText.class);

    private final ReadMorePicks picks;
    private final Stories stories;

    RelatedByText(ReadMorePicks picks, @Lazy Stories stories) {
        this.picks = picks;
        this.stories = stories;
    }

    @Override
    public List<StoryCard> related(PublishedStory story, int limit) {
        try {
            Probe probe = Probe.of(story);
            List<Long> ids = first(picks.of(probe), limit);
            List<StoryCard> cards = ids.isEmpty() ? List.of() : stories.cards(ids);
            if (cards.size() < ids.size()) {
                ids = first(picks.compute(probe), limit);
                cards = ids.isEmpty() ? List.of() : stories.cards(ids);
            }
            return cards;
        } catch (Exception e) {
            log.warn("Could not find related stories for story {}", story.id(), e);
            return List.of();
        }
    }

    private static List<Long> first(List<Long> ids, int limit) {
        return ids.subList(0, Math.min(limit, ids.size()));
    }
}
