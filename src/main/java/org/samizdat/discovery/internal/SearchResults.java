package org.samizdat.discovery.internal;

import java.util.List;

/** One page of results (pages count from 1), the total number of matches, and why there may be none. */
public record SearchResults(List<SearchHit> hits, long total, int page, int pages, Problem problem) {

    /** Why a search returned nothing useful, for a helpful message. */
    public enum Problem { NONE, EMPTY_QUERY, NOTHING_TO_SEARCH, UNREADABLE }

    public static SearchResults problem(Problem problem) {
        return new SearchResults(List.of(), 0, 1, 1, problem);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
