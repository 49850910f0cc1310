package org.samizdat.site.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * The browser-side protections on every response, cached or not: a strict same-origin Content Security
 * Policy, no framing, no MIME sniffing, no referrer and, over HTTPS only, HSTS.
 *
 * <p>{@code Referrer-Policy: no-referrer} rather than {@code strict-origin-when-cross-origin}: even an origin
 * tells a third-party site which mirror a reader came through, and censors harvest mirror host names; the
 * site needs no referrer itself.
 */
final class SecurityHeaders implements Filter {

    static final String CSP = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self';"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), usb=(), browsing-topics=()";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    /** The same headers as bytes for cache hits, which are written without the servlet API. */
    static final WireHeaders WIRE = WireHeaders.of("Content-Security-Policy", CSP, "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer", "X-Frame-Options", "DENY", "Permissions-Policy", PERMISSIONS);
    static final WireHeaders WIRE_HSTS = WireHeaders.of("Strict-Transport-Security", HSTS);

    private static final Set<String> NAMES = Set.of("content-security-policy", "x-content-type-options",
            "referrer-policy", "x-frame-options", "permissions-policy", "strict-transport-security");

    /** Whether this filter owns the header (lower-case name), so the page cache need not replay it. */
    static boolean sets(String lowerCaseName) {
        return NAMES.contains(lowerCaseName);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        apply((HttpServletResponse) res, ((HttpServletRequest) req).isSecure());
        chain.doFilter(req, res);
    }

    static void apply(HttpServletResponse response, boolean secure) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", PERMISSIONS);
        if (secure) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }
}
