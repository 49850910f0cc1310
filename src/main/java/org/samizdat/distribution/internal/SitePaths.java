package org.samizdat.distribution.internal;

import java.util.regex.Pattern;

/**
 * Where each public address lives in a static mirror, and back. Directory-style pages become
 * {@code path/index.html}, page N of a listing {@code path/page-N.html}, files keep their names; links between
 * files are written relative, so a copy works from any folder, any host and {@code file://}.
 */
public final class SitePaths {

    private static final String LANG = "/(en|ru)";
    private static final String SLUG = "[A-Za-z0-9_-][A-Za-z0-9._~-]{0,200}";
    private static final String FEED = "(feed\\.xml|atom\\.xml|feed\\.json)";
    private static final Pattern PAGE = Pattern.compile(
            "/|" + LANG + "|" + LANG + "/(reach|privacy|privacy/v[0-9]{1,6}|search)"
            + "|" + LANG + "/stories/" + SLUG
            + "|" + LANG + "/(sections|tags|authors)/" + SLUG);
    private static final Pattern LISTING = Pattern.compile(LANG + "/(sections|tags|authors)/" + SLUG);
    private static final Pattern FILE = Pattern.compile(
            LANG + "/" + FEED + "|" + LANG + "/(sections|tags|authors)/" + SLUG + "/" + FEED
            + "|/media/[0-9]{1,12}/[A-Za-z0-9._-]{1,60}|/assets/[A-Za-z0-9._-]{1,80}"
            + "|/favicon\\.svg|/mirrors\\.json|/mirrors\\.json\\.sig|/mirrors-key\\.txt");
    private static final Pattern PAGED = Pattern.compile("page=([0-9]{1,5})");
    private static final Pattern STORY_FILE = Pattern.compile("(en|ru)/stories/[^/]+/index\\.html");

    private SitePaths() {
    }

    /** The file of a public address ({@code path} plus optional query), or null when a mirror does not carry it. */
    public static String file(String path, String query) {
        if (path == null || path.contains("..") || path.contains("//")) {
            return null;
        }
        String clean = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (query != null && !query.isEmpty()) {
            var paged = PAGED.matcher(query);
            if (!paged.matches() || !LISTING.matcher(clean).matches() && !clean.matches(LANG)) {
                return null;
            }
            return clean.substring(1) + "/page-" + Integer.parseInt(paged.group(1)) + ".html";
        }
        if (clean.equals("/search")) {
            return null;
        }
        if (PAGE.matcher(clean).matches()) {
            return clean.equals("/") ? "index.html" : clean.substring(1) + "/index.html";
        }
        return FILE.matcher(clean).matches() ? clean.substring(1) : null;
    }

    /** The public address a mirror file was made from (path and query), the inverse of {@link #file}. */
    public static String address(String file) {
        if (file.equals("index.html")) {
            return "/";
        }
        if (file.endsWith("/index.html")) {
            return "/" + file.substring(0, file.length() - "/index.html".length());
        }
        int page = file.lastIndexOf("/page-");
        if (page > 0 && file.endsWith(".html")) {
            return "/" + file.substring(0, page) + "?page=" + file.substring(page + 6, file.length() - 5);
        }
        return "/" + file;
    }

    public static boolean isStory(String file) {
        return STORY_FILE.matcher(file).matches();
    }

    public static boolean isMedia(String file) {
        return file.startsWith("media/");
    }

    /** The link from the file {@code from} to the file {@code to}, both relative to the mirror's root. */
    public static String relative(String from, String to) {
        String[] a = from.split("/");
        String[] b = to.split("/");
        int common = 0;
        while (common < a.length - 1 && common < b.length - 1 && a[common].equals(b[common])) {
            common++;
        }
        StringBuilder link = new StringBuilder();
        for (int i = common; i < a.length - 1; i++) {
            link.append("../");
        }
        for (int i = common; i < b.length; i++) {
            link.append(b[i]);
            if (i < b.length - 1) {
                link.append('/');
            }
        }
        return link.toString();
    }
}
