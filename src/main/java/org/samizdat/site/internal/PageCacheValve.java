package org.samizdat.site.internal;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * The hit side of the page cache, inside Tomcat's engine ahead of host, context and every servlet filter:
 * a cached page is written with its pre-encoded headers and the security headers, and nothing else runs.
 * Misses continue to the filters and {@link PageCacheFilter}.
 */
final class PageCacheValve extends ValveBase {

    private static final WireHeaders GZIP = WireHeaders.of("Content-Encoding", "gzip");

    private final PageCache cache;
    private final CacheRules rules;

    PageCacheValve(PageCache cache, CacheRules rules) {
        super(true);
        this.cache = cache;
        this.rules = rules;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (rules.candidate(request)) {
            CachedPage page = cache.get(CacheRules.key(request));
            if (page != null) {
                write(page, request, response);
                return;
            }
        }
        getNext().invoke(request, response);
    }

    private static void write(CachedPage page, Request request, Response response) throws IOException {
        boolean gzip = page.gzip() != null && Responses.acceptsGzip(request.getHeader("Accept-Encoding"));
        MimeHeaders headers = response.getCoyoteResponse().getMimeHeaders();
        SecurityHeaders.WIRE.addTo(headers);
        if (request.isSecure() || forwardedHttps(request)) {
            SecurityHeaders.WIRE_HSTS.addTo(headers);
        }
        (gzip ? page.gzipHit() : page.plainHit()).addTo(headers);
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && Responses.matches(ifNoneMatch, gzip ? page.gzipEtag() : page.etag())) {
            response.setStatus(Response.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? page.gzip() : page.identity();
        if (gzip) {
            GZIP.addTo(headers);
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /**
     * With {@code server.forward-headers-strategy=framework} HTTPS behind a proxy is only known to the filters, so
     * the header is read here; with {@code native} Tomcat's RemoteIpValve has already set {@code isSecure()}.
     * Trusting it costs nothing: browsers ignore HSTS received over plain HTTP.
     */
    private static boolean forwardedHttps(Request request) {
        String proto = request.getHeader("X-Forwarded-Proto");
        if (proto != null) {
            return proto.regionMatches(true, 0, "https", 0, 5);
        }
        String forwarded = request.getHeader("Forwarded");
        return forwarded != null && forwarded.toLowerCase(Locale.ROOT).contains("proto=https");
    }
}
