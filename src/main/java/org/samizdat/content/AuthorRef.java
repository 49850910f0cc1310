package org.samizdat.content;

import org.samizdat.shared.Language;

/** A byline: the person a story is credited to, with a short bio and optional photo. */
public record AuthorRef(long id, String slug, String name, String bio, Long photoId) {

    public String path(Language language) {
        return "/" + language.code() + "/authors/" + slug;
    }
}
