package org.samizdat.site.internal;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * The hit side of the page cache, inside Tomcat ahead of every servlet filter: a cached page is written
 * with its security headers and nothing else runs. Misses continue to the filters and {@link PageCacheFilter}.
 */
final class PageCacheValve extends ValveBase {

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
                SecurityHeaders.apply(response, request.isSecure() || forwardedHttps(request));
                Responses.serve(page, request, response, "hit");
                return;
            }
        }
        getNext().invoke(request, response);
    }

    /** The same trust as the forwarded-header filter that runs for misses (server.forward-headers-strategy). */
    private static boolean forwardedHttps(Request request) {
        String proto = request.getHeader("X-Forwarded-Proto");
        if (proto != null) {
            return proto.regionMatches(true, 0, "https", 0, 5);
        }
        String forwarded = request.getHeader("Forwarded");
        return forwarded != null && forwarded.toLowerCase(java.util.Locale.ROOT).contains("proto=https");
    }
}
