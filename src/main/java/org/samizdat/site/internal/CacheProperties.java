package org.samizdat.site.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the page cache ({@code samizdat.cache.*}): its size and safety-net lifetime, the
 * {@code Cache-Control} it sends to browsers and CDNs, and which requests and responses it may keep.
 */
@ConfigurationProperties("samizdat.cache")
record CacheProperties(
        Boolean enabled,
        DataSize maxSize,
        Duration ttl,
        Duration maxAge,
        Duration staleWhileRevalidate,
        List<String> excludedPaths,
        List<String> contentTypes,
        List<String> bypassCookies,
        Integer maxQueryLength) {

    CacheProperties {
        enabled = enabled == null || enabled;
        maxSize = maxSize == null ? DataSize.ofMegabytes(256) : maxSize;
        ttl = ttl == null ? Duration.ofMinutes(10) : ttl;
        maxAge = maxAge == null ? Duration.ofSeconds(60) : maxAge;
        staleWhileRevalidate = staleWhileRevalidate == null ? Duration.ofSeconds(600) : staleWhileRevalidate;
        excludedPaths = excludedPaths == null ? List.of("/newsroom", "/media", "/assets", "/error") : excludedPaths;
        contentTypes = contentTypes == null ? List.of("text/html", "application/rss+xml", "application/atom+xml",
                "application/feed+json", "application/xml") : contentTypes;
        bypassCookies = bypassCookies == null ? List.of("JSESSIONID", "SESSION", "remember-me") : bypassCookies;
        maxQueryLength = maxQueryLength == null ? 200 : maxQueryLength;
    }

    String cacheControl() {
        return "public, max-age=" + maxAge.toSeconds() + ", stale-while-revalidate=" + staleWhileRevalidate.toSeconds();
    }
}
