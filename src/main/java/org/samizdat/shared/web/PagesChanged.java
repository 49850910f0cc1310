package org.samizdat.shared.web;

import java.util.List;

/**
 * Any module's word that the public pages at these host-relative paths (and their query variants) now read
 * differently; whatever caches pages drops them. Lets modules the page cache does not know refresh it.
 * {@link #everyPage()} says every page changed, as when a part shown on all of them does.
 */
public record PagesChanged(List<String> paths) {

    /** The path that stands for every page. */
    public static final String EVERY_PAGE = "/**";

    public static PagesChanged everyPage() {
        return new PagesChanged(List.of(EVERY_PAGE));
    }

    public boolean changesEveryPage() {
        return paths.contains(EVERY_PAGE);
    }
}
