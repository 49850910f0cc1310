package org.samizdat.content.web.newsroom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The story list's filters as the staff member set them, so the form and the page links keep them. */
public record StoryDeskQuery(String lang, String status, String section, boolean mine, String q, int page) {

    /** The list address for another page with the same filters. */
    public String pageLink(int other) {
        return "/newsroom/stories?lang=" + enc(lang) + "&status=" + enc(status) + "&section=" + enc(section)
                + (mine ? "&mine=true" : "") + "&q=" + enc(q) + "&page=" + other;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
