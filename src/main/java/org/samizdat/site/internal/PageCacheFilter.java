package org.samizdat.site.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The miss side of the page cache: lets a public GET page render through Spring Security and MVC, keeps it
 * when it is a public 200 page, and answers from the same bytes. Hits never get here ({@link PageCacheValve}).
 */
final class PageCacheFilter implements Filter {

    private static final Set<String> NOT_REPLAYED = Set.of("content-length", "transfer-encoding", "date",
            "set-cookie", "etag", "vary", "x-cache", "connection", "keep-alive", "strict-transport-security");

    private final PageCache cache;
    private final CacheRules rules;
    private final String cacheControl;

    PageCacheFilter(PageCache cache, CacheRules rules, CacheProperties properties) {
        this.cache = cache;
        this.rules = rules;
        this.cacheControl = properties.cacheControl();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!rules.candidate(request)) {
            chain.doFilter(request, response);
            return;
        }
        long generation = cache.generation();
        response.setHeader("Cache-Control", cacheControl);
        CapturingResponse capture = new CapturingResponse(response);
        chain.doFilter(request, capture);
        if (capture.handedOver() || request.isAsyncStarted()) {
            return;
        }
        byte[] body = capture.body();
        if ("GET".equals(request.getMethod()) && rules.storable(response, body.length)) {
            String[] names = replayedNames(response);
            CachedPage page = CachedPage.of(body, names, values(response, names));
            cache.put(CacheRules.key(request), page, generation);
            Responses.serve(page, request, response);
            return;
        }
        if (cacheControl.equals(response.getHeader("Cache-Control")) && !rules.publicResponse(response)) {
            response.setHeader("Cache-Control", "private, no-store");
        }
        response.setHeader("X-Cache", "bypass");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String[] replayedNames(HttpServletResponse response) {
        List<String> names = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_REPLAYED.contains(lower) && !SecurityHeaders.sets(lower) && names.stream()
                    .noneMatch(name::equalsIgnoreCase)) {
                names.add(name);
            }
        }
        if (response.getContentType() != null && names.stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            names.add("Content-Type");
        }
        return names.toArray(String[]::new);
    }

    private static String[] values(HttpServletResponse response, String[] names) {
        String[] values = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = "Content-Type".equalsIgnoreCase(names[i]) ? response.getContentType()
                    : String.join(", ", response.getHeaders(names[i]));
        }
        return values;
    }
}
