package org.samizdat.content;

import org.samizdat.shared.Language;

/** A section of the site (Politics, War, Society…), named in both languages. */
public record SectionRef(long id, String slug, String nameEn, String nameRu, int position) {

    public String name(Language language) {
        return language == Language.RU ? nameRu : nameEn;
    }

    public String path(Language language) {
        return "/" + language.code() + "/sections/" + slug;
    }
}
