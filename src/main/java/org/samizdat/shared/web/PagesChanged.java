package org.samizdat.shared.web;

import java.util.List;

/**
 * Any module's word that the public pages at these host-relative paths (and their query variants) now read
 * differently; whatever caches pages drops them. Lets modules the page cache does not know refresh it.
 */
public record PagesChanged(List<String> paths) {
}
