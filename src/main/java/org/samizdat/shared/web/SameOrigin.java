package org.samizdat.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Cross-site request forgery protection for public forms without a session. Public pages are cached and shared
 * by every reader and set no cookie, so they cannot carry a per-session CSRF token. Instead a form POST must come
 * from a page of this same host: its {@code Origin} (or, failing that, {@code Referer}) names the host the request
 * was sent to. The site sends {@code Referrer-Policy: no-referrer}, under which browsers send {@code Origin: null}
 * and no Referer on form posts; then {@code Sec-Fetch-Site: same-origin}, which browsers set and pages cannot
 * forge, is the proof. A request proving neither is refused. Non-browser clients can send anything, but they
 * hold no reader's ambient authority, which is all CSRF is about; bots are met by the honeypot and rate limits.
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    public static boolean check(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !"same-origin".equalsIgnoreCase(fetchSite.trim())) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !"null".equals(origin.trim())) {
            return ownHost(request, origin);
        }
        String referer = request.getHeader("Referer");
        if (referer != null && !referer.isBlank()) {
            return ownHost(request, referer);
        }
        return fetchSite != null;
    }

    private static boolean ownHost(HttpServletRequest request, String url) {
        String authority;
        try {
            URI uri = new URI(url.trim());
            authority = uri.getRawAuthority();
            String scheme = uri.getScheme();
            if (authority == null || scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return false;
            }
        } catch (Exception e) {
            return false;
        }
        String lower = authority.toLowerCase(Locale.ROOT);
        return lower.equals(header(request, "Host")) || lower.equals(firstForwardedHost(request));
    }

    private static String header(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    private static String firstForwardedHost(HttpServletRequest request) {
        String value = header(request, "X-Forwarded-Host");
        if (value == null) {
            return null;
        }
        int comma = value.indexOf(',');
        return comma < 0 ? value : value.substring(0, comma).trim();
    }
}
