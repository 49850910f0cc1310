package org.samizdat.site.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The path prefix a reverse proxy serves the site under ({@code X-Forwarded-Prefix: /samizdat}) and how it is
 * put in front of the site's host-relative links and redirects. Only a path of plain segments (letters, digits,
 * {@code . _ ~ -}, no dot-only segment, at most 100 characters) is taken; anything else (quotes, angle
 * brackets, CR/LF, {@code //host}, {@code javascript:}, percent escapes) is ignored as if the header were absent.
 */
final class ForwardedPrefix {

    static final String HEADER = "X-Forwarded-Prefix";
    private static final Pattern VALID = Pattern.compile("(/(?!\\.+(?:/|$))[A-Za-z0-9._~-]{1,40}){1,5}");
    /** A start tag; attribute values are double-quoted with quotes escaped, as jte writes them. */
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^\\s>/]*(?:\\s+[^\\s=>]+(?:=\"[^\"]*\"|='[^']*'|=[^\\s>]*)?)*\\s*/?>");
    private static final Pattern HOST_RELATIVE_ATTRIBUTE =
            Pattern.compile("(\\s(?:href|src|action|formaction|poster)=\")/(?![/\\\\])");
    private static final Pattern SRCSET = Pattern.compile("(\\ssrcset=\")([^\"]*)\"");
    private static final Pattern SRCSET_ITEM = Pattern.compile("(^|,\\s*)/(?![/\\\\])");

    private ForwardedPrefix() {
    }

    /** The validated prefix without a trailing slash, or "" when there is none or it is not acceptable. */
    static String of(HttpServletRequest request) {
        return valid(request.getHeader(HEADER));
    }

    static String valid(String header) {
        if (header == null || header.length() > 101) {
            return "";
        }
        String prefix = header.endsWith("/") ? header.substring(0, header.length() - 1) : header;
        return VALID.matcher(prefix).matches() ? prefix : "";
    }

    /** A host-relative location ("/path") behind the prefix; anything else is returned as it was. */
    static String location(String prefix, String location) {
        if (prefix.isEmpty() || location == null || !location.startsWith("/") || location.startsWith("//")
                || location.startsWith("/\\")) {
            return location;
        }
        return prefix + location;
    }

    /**
     * Puts the prefix in front of every host-relative address in the link, source and form attributes of the
     * page's tags; text between tags is left alone even when it looks like an attribute.
     */
    static String html(String prefix, String html) {
        Matcher tags = TAG.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 1024);
        while (tags.find()) {
            tags.appendReplacement(out, Matcher.quoteReplacement(tag(prefix, tags.group())));
        }
        tags.appendTail(out);
        return out.toString();
    }

    private static String tag(String prefix, String html) {
        String replacement = Matcher.quoteReplacement(prefix);
        String linked = HOST_RELATIVE_ATTRIBUTE.matcher(html).replaceAll("$1" + replacement + "/");
        Matcher srcset = SRCSET.matcher(linked);
        StringBuilder out = new StringBuilder(linked.length() + 256);
        while (srcset.find()) {
            String items = SRCSET_ITEM.matcher(srcset.group(2)).replaceAll("$1" + replacement + "/");
            srcset.appendReplacement(out, Matcher.quoteReplacement(srcset.group(1) + items + "\""));
        }
        srcset.appendTail(out);
        return out.toString();
    }
}
