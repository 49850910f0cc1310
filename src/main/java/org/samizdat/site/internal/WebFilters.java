package org.samizdat.site.internal;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the security headers and the page cache at the very front of the servlet filter chain, after
 * the forwarded-header filter (so HTTPS behind a proxy is seen) and before Spring Security.
 *
 * <p>A cache hit never reaches Spring Security. That is safe because the cache only answers GET and HEAD
 * outside /newsroom, /media and /assets, for requests with no session cookie and no Authorization header,
 * and only with bytes that went through the whole chain once as an anonymous, public 200 page that set no
 * cookie. The headers Spring Security would add are set here on every response instead, and the
 * {@code Cache-Control} of a cacheable page is set before the chain so Spring Security leaves it alone.
 */
@Configuration
class WebFilters {

    static final int HEADERS_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;
    static final int CACHE_ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(HEADERS_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, CacheProperties properties) {
        FilterRegistrationBean<PageCacheFilter> registration =
                new FilterRegistrationBean<>(new PageCacheFilter(cache, properties));
        registration.setOrder(CACHE_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
