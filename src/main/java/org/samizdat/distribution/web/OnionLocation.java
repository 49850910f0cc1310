package org.samizdat.distribution.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.samizdat.distribution.internal.MirrorEntry;
import org.samizdat.distribution.internal.MirrorList;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Onion-Location: <onion origin><path>} on public pages when the list has a live onion address, so Tor
 * Browser offers the onion service. The value depends only on the path, so cached pages carry it unchanged.
 */
@Configuration
class OnionLocation {

    @Bean
    FilterRegistrationBean<OnionHeader> onionLocationFilter(MirrorList mirrors) {
        FilterRegistrationBean<OnionHeader> registration = new FilterRegistrationBean<>(new OnionHeader(mirrors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }

    static final class OnionHeader extends OncePerRequestFilter {

        private final MirrorList mirrors;

        OnionHeader(MirrorList mirrors) {
            this.mirrors = mirrors;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI();
            if (path != null && path.startsWith("/") && !path.equals("/newsroom") && !path.startsWith("/newsroom/")) {
                mirrors.snapshot().onion().map(MirrorEntry::address)
                        .ifPresent(onion -> response.setHeader("Onion-Location", onion + path));
            }
            chain.doFilter(request, response);
        }
    }
}
