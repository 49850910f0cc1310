package org.samizdat.content;

/** A section, tag or author was added, renamed or moved; names in navigation and listings may have changed. */
public record CatalogueChanged(String kind, long id) {
}
