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
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Keeps every answer working under whatever host name and path prefix the reader came through. Redirects are
 * host-relative: an absolute {@code Location} on the request's own host (Spring Security's saved request builds
 * one from the {@code Host} header) loses its scheme and host, so a forged {@code Host} never comes back in
 * one. Behind a proxy's {@link ForwardedPrefix} the prefix goes in front of redirects and of the host-relative
 * links of HTML pages. Runs inside the page cache's filter, so the cache keeps the page as sent (its key holds
 * the prefix).
 */
final class ProxiedResponses implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String prefix = ForwardedPrefix.of(request);
        Redirects redirects = new Redirects(response, request.getServerName(), request.getServerPort(), prefix);
        if (prefix.isEmpty()) {
            chain.doFilter(request, redirects);
            return;
        }
        CapturingResponse capture = new CapturingResponse(redirects);
        chain.doFilter(request, capture);
        if (capture.handedOver() || request.isAsyncStarted()) {
            return;
        }
        byte[] body = capture.body();
        String type = response.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html") && body.length > 0) {
            Charset charset = response.getCharacterEncoding() == null ? StandardCharsets.UTF_8
                    : Charset.forName(response.getCharacterEncoding());
            body = ForwardedPrefix.html(prefix, new String(body, charset)).getBytes(charset);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Rewrites the {@code Location} of redirects as described on the class. */
    static final class Redirects extends HttpServletResponseWrapper {

        private final String host;
        private final int port;
        private final String prefix;

        Redirects(HttpServletResponse response, String host, int port, String prefix) {
            super(response);
            this.host = host;
            this.port = port;
            this.prefix = prefix;
        }

        String rewrite(String location) {
            return ForwardedPrefix.location(prefix, hostRelative(location));
        }

        private String hostRelative(String location) {
            if (location == null || !(location.regionMatches(true, 0, "http://", 0, 7)
                    || location.regionMatches(true, 0, "https://", 0, 8))) {
                return location;
            }
            try {
                URI uri = URI.create(location);
                int locationPort = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
                if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(host) || locationPort != port) {
                    return location;
                }
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            } catch (IllegalArgumentException malformed) {
                return location;
            }
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(rewrite(location));
        }

        @Override
        public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
            super.sendRedirect(rewrite(location), status, clearBuffer);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Location".equalsIgnoreCase(name) ? rewrite(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, "Location".equalsIgnoreCase(name) ? rewrite(value) : value);
        }
    }
}
