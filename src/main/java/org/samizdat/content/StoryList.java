package org.samizdat.content;

import java.util.List;

/** One page of a paginated story listing (pages count from 1). */
public record StoryList(List<StoryCard> stories, int page, int pages) {

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    static StoryList of(List<StoryCard> stories, int page, int total, int pageSize) {
        return new StoryList(stories, page, Math.max(1, (total + pageSize - 1) / pageSize));
    }
}
