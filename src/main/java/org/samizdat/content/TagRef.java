package org.samizdat.content;

import org.samizdat.shared.Language;

/** A tag, which belongs to one language edition. */
public record TagRef(long id, Language language, String slug, String name) {

    public String path() {
        return "/" + language.code() + "/tags/" + slug;
    }
}
