package org.samizdat.site.internal;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.samizdat.shared.web.InlineScript;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the page cache and the security headers into the web server.
 *
 * <p>Cache hits are answered by a Tomcat engine valve, before the host and context pipelines and every servlet
 * filter: no Spring Security, no request observation, no MVC. That is safe because the cache only answers GET and HEAD outside /newsroom, /media
 * and /assets, for requests with no session cookie and no Authorization header, and only with bytes that
 * went once through the whole chain (firewall, authorization, MVC) as a public 200 page that set no cookie.
 * The headers Spring Security would add are set by {@link SecurityHeaders} on every response instead.
 * Misses and everything else go through the filters: the headers first, then the storing side of the
 * cache, which sets the public {@code Cache-Control} before Spring Security so it leaves it alone.
 */
@Configuration
class WebFilters {

    static final int HEADERS_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;
    static final int CACHE_ORDER = Ordered.HIGHEST_PRECEDENCE + 3;
    static final int PROXY_ORDER = Ordered.HIGHEST_PRECEDENCE + 4;

    @Bean
    CacheRules cacheRules(CacheProperties properties) {
        return new CacheRules(properties);
    }

    /** The inline scripts other modules declare, each allowed on every page by its hash. */
    @Bean
    ScriptHashes scriptHashes(ObjectProvider<InlineScript> scripts) {
        return new ScriptHashes(scripts.orderedStream().map(InlineScript::hashSource).distinct().toList());
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> pageCacheValve(PageCache cache, CacheRules rules,
            ScriptHashes hashes) {
        return new ValveCustomizer(new PageCacheValve(cache, rules, new SecurityHeaders(hashes.sources())));
    }

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders(ScriptHashes hashes) {
        FilterRegistrationBean<SecurityHeaders> registration =
                new FilterRegistrationBean<>(new SecurityHeaders(hashes.sources()));
        registration.setOrder(HEADERS_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, CacheRules rules,
            CacheProperties properties) {
        FilterRegistrationBean<PageCacheFilter> registration =
                new FilterRegistrationBean<>(new PageCacheFilter(cache, rules, properties));
        registration.setOrder(CACHE_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProxiedResponses> proxiedResponses() {
        FilterRegistrationBean<ProxiedResponses> registration = new FilterRegistrationBean<>(new ProxiedResponses());
        registration.setOrder(PROXY_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Runs after Spring Boot's own Tomcat customizer, so the valve comes after its RemoteIpValve when there is one. */
    record ValveCustomizer(PageCacheValve valve) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
            Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addEngineValves(valve);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** CSP source expressions ({@code 'sha256-…'}) of the inline scripts public pages may carry. */
    record ScriptHashes(List<String> sources) {
    }
}
