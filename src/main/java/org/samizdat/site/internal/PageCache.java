package org.samizdat.site.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Rendered public pages keyed by path and query string, bounded by bytes, with a lifetime as a safety
 * net behind event-driven eviction. Hits and misses are published as {@code cache.gets{cache=pages}}.
 */
@Component
class PageCache {

    private final Cache<String, CachedPage> pages;
    private final AtomicLong generation = new AtomicLong();

    PageCache(CacheProperties properties, MeterRegistry registry) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((String key, CachedPage page) -> page.weight(key))
                .expireAfterWrite(properties.ttl())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, pages, "pages");
    }

    CachedPage get(String key) {
        return pages.getIfPresent(key);
    }

    /** A token to pass to {@link #put}: an eviction after this point keeps a page rendered before it out. */
    long generation() {
        return generation.get();
    }

    void put(String key, CachedPage page, long renderedAt) {
        if (generation.get() != renderedAt) {
            return;
        }
        pages.put(key, page);
        if (generation.get() != renderedAt) {
            pages.invalidate(key);
        }
    }

    /** Evicts every cached variant of these paths: any query string, with or without a trailing slash. */
    void evict(Collection<String> paths) {
        generation.incrementAndGet();
        Set<String> targets = new HashSet<>();
        for (String path : paths) {
            targets.add(stripSlash(path));
        }
        pages.asMap().keySet().removeIf(key -> targets.contains(basePath(key)));
    }

    void evictAll() {
        generation.incrementAndGet();
        pages.invalidateAll();
    }

    CacheStats stats() {
        return pages.stats();
    }

    private static String basePath(String key) {
        int query = key.indexOf('?');
        return stripSlash(query < 0 ? key : key.substring(0, query));
    }

    private static String stripSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
