package org.samizdat.site.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** How a cached page is answered: gzip when the client accepts it, 304 when its ETag still matches. */
final class Responses {

    private Responses() {
    }

    /** Writes a freshly rendered page through the servlet API (hits go through {@link PageCacheValve}). */
    static void serve(CachedPage page, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean gzip = page.gzip() != null && acceptsGzip(request.getHeader("Accept-Encoding"));
        String etag = gzip ? page.gzipEtag() : page.etag();
        String[] names = page.headerNames();
        String[] values = page.headerValues();
        for (int i = 0; i < names.length; i++) {
            response.setHeader(names[i], values[i]);
        }
        response.setHeader("Vary", CachedPage.VARY);
        response.setHeader("ETag", etag);
        response.setHeader("X-Cache", "miss");
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        byte[] body = gzip ? page.gzip() : page.identity();
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** Weak comparison, as RFC 9110 asks for If-None-Match: a W/ prefix on the client's tag is ignored. */
    static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*");
    }

    /** True unless the header leaves gzip out or gives it (or "*", absent gzip) q=0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        boolean star = false;
        int start = 0;
        int length = acceptEncoding.length();
        while (start < length) {
            int end = acceptEncoding.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            int semicolon = acceptEncoding.indexOf(';', start);
            int nameEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
            String name = acceptEncoding.substring(start, nameEnd).trim();
            boolean zero = nameEnd < end && isZero(acceptEncoding.substring(nameEnd + 1, end));
            if (name.equalsIgnoreCase("gzip") || name.equalsIgnoreCase("x-gzip")) {
                return !zero;
            }
            if (name.equals("*")) {
                star = !zero;
            }
            start = end + 1;
        }
        return star;
    }

    private static boolean isZero(String parameter) {
        String p = parameter.replace(" ", "");
        return p.startsWith("q=0") && !p.matches("q=0\\.0*[1-9].*");
    }
}
