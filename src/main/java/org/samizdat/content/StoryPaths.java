package org.samizdat.content;

import org.samizdat.shared.Language;

/** The host-relative addresses of content pages; every link the site prints comes from here. */
public final class StoryPaths {

    private StoryPaths() {
    }

    public static String home(Language language) {
        return "/" + language.code();
    }

    public static String story(Language language, String slug) {
        return "/" + language.code() + "/stories/" + slug;
    }

    public static String section(Language language, String slug) {
        return "/" + language.code() + "/sections/" + slug;
    }

    public static String tag(Language language, String slug) {
        return "/" + language.code() + "/tags/" + slug;
    }

    public static String author(Language language, String slug) {
        return "/" + language.code() + "/authors/" + slug;
    }

    public static String media(long mediaId, String variant) {
        return "/media/" + mediaId + "/" + variant + ".jpg";
    }
}
