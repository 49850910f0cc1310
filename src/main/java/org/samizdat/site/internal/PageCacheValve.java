package org.samizdat.site.internal;

import jakarta.servlet.ServletException;
import java.io.IOException;
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
    private final SecurityHeaders headers;

    PageCacheValve(PageCache cache, CacheRules rules, SecurityHeaders headers) {
        super(true);
        this.cache = cache;
        this.rules = rules;
        this.headers = headers;
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

    private void write(CachedPage page, Request request, Response response) throws IOException {
        boolean gzip = page.gzip() != null && Responses.acceptsGzip(request.getHeader("Accept-Encoding"));
        MimeHeaders headers = response.getCoyoteResponse().getMimeHeaders();
        this.headers.wire().addTo(headers);
        if (request.isSecure()) {
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
}
