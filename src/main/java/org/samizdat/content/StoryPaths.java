package org.samizdat.content;

import java.util.List;
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

    /** The widths every photo is served at ({@code /media/{id}/w320.jpg} and up), smallest first. */
    public static final List<Integer> PHOTO_WIDTHS = List.of(320, 480, 640, 800, 1280);

    public static String media(long mediaId, String variant) {
        return "/media/" + mediaId + "/" + variant + ".jpg";
    }

    /** A {@code srcset} naming every width of a photo, so the browser fetches the smallest that looks sharp. */
    public static String srcset(long mediaId) {
        StringBuilder set = new StringBuilder();
        for (int width : PHOTO_WIDTHS) {
            set.append(set.isEmpty() ? "" : ", ").append(media(mediaId, "w" + width)).append(' ').append(width).append('w');
        }
        return set.toString();
    }

    /** The feeds of a listing (an edition's front page, a section, tag or author): RSS 2.0, Atom, JSON Feed. */
    public static List<String> feeds(String listingPath) {
        return List.of(listingPath + "/feed.xml", listingPath + "/atom.xml", listingPath + "/feed.json");
    }

    public static String search(Language language) {
        return "/" + language.code() + "/search";
    }
}
