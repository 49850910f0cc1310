package org.samizdat.site.web;

import java.util.List;
import org.samizdat.content.StoryCard;

/** One section's block on the front page. */
public record SectionBlock(String name, String path, List<StoryCard> stories) {
}
