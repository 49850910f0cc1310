package org.samizdat.site.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.samizdat.shared.web.CspNonce;
import org.samizdat.shared.web.InlineScript;

/**
 * The browser-side protections on every response, cached or not: a strict same-origin Content Security
 * Policy, no framing, no MIME sniffing, no referrer and, over HTTPS only, HSTS.
 *
 * <p>{@code Referrer-Policy: no-referrer} rather than {@code strict-origin-when-cross-origin}: even an origin
 * tells a third-party site which mirror a reader came through, and censors harvest mirror host names; the
 * site needs no referrer itself.
 *
 * <p>Public pages are cached and must be byte-identical for every reader, so they cannot carry a per-response
 * nonce: their policy is {@code script-src 'self'} plus the SHA-256 hash of each {@link InlineScript} a module
 * declares (computed at start-up from the very text pages carry), and no other inline script runs. Private pages (the newsroom
 * and the self-service pages behind a reader's token) are never cached: they get a fresh nonce in their policy
 * ({@link CspNonce}) and {@code Cache-Control: no-store} that nothing later in the chain can weaken.
 */
final class SecurityHeaders implements Filter {

    /** The policy before the inline scripts' hashes are added to {@code script-src}. */
    static final String CSP = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self';"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), usb=(), browsing-topics=()";
    static final String HSTS = "max-age=31536000; includeSubDomains";
    /** Pages that show one person's data: the newsroom and readers' self-service pages reached by a token. */
    static final List<String> PRIVATE_PATHS = List.of("/newsroom", "/support/manage", "/newsletter/preferences",
            "/newsletter/confirm", "/newsletter/unsubscribe");

    static final WireHeaders WIRE_HSTS = WireHeaders.of("Strict-Transport-Security", HSTS);

    private static final Set<String> NAMES = Set.of("content-security-policy", "x-content-type-options",
            "referrer-policy", "x-frame-options", "permissions-policy", "strict-transport-security");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String csp;
    private final WireHeaders wire;

    /** @param scriptHashes CSP sources ({@code 'sha256-…'}) of the inline scripts public pages carry */
    SecurityHeaders(List<String> scriptHashes) {
        this.csp = scriptHashes.isEmpty() ? CSP
                : CSP.replace("script-src 'self';", "script-src 'self' " + String.join(" ", scriptHashes) + ";");
        this.wire = WireHeaders.of("Content-Security-Policy", csp, "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer", "X-Frame-Options", "DENY", "Permissions-Policy", PERMISSIONS);
    }

    /** The same headers as bytes for cache hits, which are written without the servlet API. */
    WireHeaders wire() {
        return wire;
    }

    /** Whether this filter owns the header (lower-case name), so the page cache need not replay it. */
    static boolean sets(String lowerCaseName) {
        return NAMES.contains(lowerCaseName);
    }

    /** True for the paths listed in {@link #PRIVATE_PATHS}, with or without a leading language segment. */
    static boolean privatePath(String uri) {
        if (uri == null) {
            return false;
        }
        String path = uri.matches("/[a-z]{2}/.*") ? uri.substring(3) : uri;
        for (String prefix : PRIVATE_PATHS) {
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }

    String policy(String nonce) {
        return csp.replace("script-src 'self'", "script-src 'self' 'nonce-" + nonce + "'");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        apply(response, request.isSecure());
        if (privatePath(request.getRequestURI())) {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            request.setAttribute(CspNonce.ATTRIBUTE, nonce);
            response.setHeader("Content-Security-Policy", policy(nonce));
            response.setHeader("Cache-Control", "no-store");
            response = new NoStore(response);
        }
        chain.doFilter(request, response);
    }

    void apply(HttpServletResponse response, boolean secure) {
        response.setHeader("Content-Security-Policy", csp);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", PERMISSIONS);
        if (secure) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }

    /** A private page's response: its {@code Cache-Control} can only be replaced by another {@code no-store}. */
    private static final class NoStore extends HttpServletResponseWrapper {

        NoStore(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"Cache-Control".equalsIgnoreCase(name) || keepsNoStore(value)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!"Cache-Control".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }

        private static boolean keepsNoStore(String value) {
            return value != null && value.toLowerCase(java.util.Locale.ROOT).contains("no-store")
                    && !value.toLowerCase(java.util.Locale.ROOT).contains("public");
        }
    }
}
