package org.samizdat.shared.web;

import java.util.List;

/**
 * Any module's word that the public pages at these host-relative paths (and their query variants) now read
 * differently ({@link #EVERY_PAGE}: all of them); whatever caches pages drops them. Lets modules the page cache does not know refresh it.
 */
public record PagesChanged(List<String> paths) {

    /** The path that stands for every page, for changes that show on all of them (a footer, a header). */
    public static final String EVERY_PAGE = "*";

    public static PagesChanged everyPage() {
        return new PagesChanged(List.of(EVERY_PAGE));
    }

    public boolean all() {
        return paths.contains(EVERY_PAGE);
    }
}
