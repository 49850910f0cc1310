package org.samizdat.content.internal;

import java.util.List;
import org.samizdat.content.StoryCard;

/** One page of a story listing and the number of stories in the whole listing, read together. */
public record ListingPage(List<StoryCard> stories, int total) {
}
