package org.samizdat.site.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;

/**
 * Which requests the page cache may answer and which responses it may keep: anonymous GET and HEAD of
 * public pages, and 200 responses of a cacheable type that set no cookie and do not forbid shared caching.
 */
final class CacheRules {

    private final boolean enabled;
    private final String[] excluded;
    private final List<String> contentTypes;
    private final String[] bypassCookies;
    private final int maxQueryLength;
    private final long maxEntry;

    CacheRules(CacheProperties properties) {
        this.enabled = properties.enabled();
        this.excluded = properties.excludedPaths().toArray(String[]::new);
        this.contentTypes = properties.contentTypes();
        this.bypassCookies = properties.bypassCookies().stream().map(c -> c + "=").toArray(String[]::new);
        this.maxQueryLength = properties.maxQueryLength();
        this.maxEntry = Math.max(1, properties.maxSize().toBytes() / 16);
    }

    /**
     * The host is deliberately not part of the key: mirrors, proxies and the onion address share pages. A valid
     * forwarded prefix is, since the page's links carry it.
     */
    static String key(HttpServletRequest request) {
        String query = request.getQueryString();
        String uri = ForwardedPrefix.of(request) + request.getRequestURI();
        return query == null ? uri : uri + "?" + query;
    }

    boolean candidate(HttpServletRequest request) {
        if (!enabled) {
            return false;
        }
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        String uri = request.getRequestURI();
        if (uri == null) {
            return false; // Tomcat could not parse the request line (too long, malformed); it answers 400 itself
        }
        for (String prefix : excluded) {
            if (uri.startsWith(prefix) && (uri.length() == prefix.length() || uri.charAt(prefix.length()) == '/')) {
                return false;
            }
        }
        String query = request.getQueryString();
        if (query != null && query.length() > maxQueryLength) {
            return false;
        }
        if (request.getHeader("Authorization") != null) {
            return false;
        }
        String cookies = request.getHeader("Cookie");
        if (cookies != null) {
            for (String cookie : bypassCookies) {
                if (cookies.contains(cookie)) {
                    return false;
                }
            }
        }
        return true;
    }

    boolean storable(HttpServletResponse response, int length) {
        if (response.getStatus() != 200 || length == 0 || length > maxEntry) {
            return false;
        }
        if (response.getHeader("Content-Encoding") != null || !publicResponse(response)) {
            return false;
        }
        String type = response.getContentType();
        if (type == null) {
            return false;
        }
        int semicolon = type.indexOf(';');
        String base = (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return contentTypes.contains(base);
    }

    /** No cookie set and nothing in Cache-Control that keeps the page out of shared caches. */
    boolean publicResponse(HttpServletResponse response) {
        if (response.containsHeader("Set-Cookie")) {
            return false;
        }
        String control = response.getHeader("Cache-Control");
        if (control == null) {
            return true;
        }
        String lower = control.toLowerCase(Locale.ROOT);
        return !lower.contains("no-store") && !lower.contains("private") && !lower.contains("no-cache");
    }
}
