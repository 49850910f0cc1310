package org.samizdat.staff.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A second lock on newsroom forms besides the CSRF token: a state-changing request that the browser says came
 * from another site ({@code Sec-Fetch-Site}), or whose {@code Origin} names another host, is refused even with a
 * token that leaked. Requests with neither header (non-browser clients) are left to the token.
 */
final class CrossSiteRefusal extends OncePerRequestFilter {

    private final AccessDeniedHandler refuse;

    CrossSiteRefusal(AccessDeniedHandler refuse) {
        this.refuse = refuse;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        boolean safe = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        if (!safe && crossSite(request)) {
            refuse.handle(request, response, new MissingCsrfTokenException(null));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.trim().equalsIgnoreCase("same-origin") && !site.trim().equalsIgnoreCase("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank() || origin.trim().equals("null")) {
            return false;
        }
        try {
            String authority = new URI(origin.trim()).getRawAuthority();
            String host = request.getHeader("Host");
            return authority == null || host == null
                    || !authority.toLowerCase(Locale.ROOT).equals(host.trim().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException malformed) {
            return true;
        }
    }
}
