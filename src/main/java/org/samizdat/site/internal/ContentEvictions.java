package org.samizdat.site.internal;

import java.util.ArrayList;
import java.util.List;
import org.samizdat.content.StoryEvent;
import org.samizdat.content.StoryPaths;
import org.samizdat.content.StoryWithdrawn;
import org.samizdat.shared.Language;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps cached pages in step with content once a change is committed. A published or edited story evicts
 * its own addresses, its section, tag and author listings and the front pages, and the feeds of each of those
 * listings ({@link StoryPaths#feeds}); a withdrawal empties the
 * whole cache, because the story may also appear in other pages' "Read more" blocks and must vanish now.
 * Pages served while startup tasks (such as demo content) were still writing are dropped once the app is ready.
 */
@Component
class ContentEvictions {

    private final PageCache cache;

    ContentEvictions(PageCache cache) {
        this.cache = cache;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StoryEvent event) {
        if (event instanceof StoryWithdrawn) {
            cache.evictAll();
            return;
        }
        cache.evict(pathsOf(event));
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        cache.evictAll();
    }

    static List<String> pathsOf(StoryEvent event) {
        Language language = event.language();
        List<String> paths = new ArrayList<>();
        paths.add("/");
        paths.add(StoryPaths.home(language));
        for (String slug : event.slugs()) {
            paths.add(StoryPaths.story(language, slug));
        }
        if (event.sectionSlug() != null) {
            paths.add(StoryPaths.section(language, event.sectionSlug()));
        }
        for (String tag : event.tagSlugs()) {
            paths.add(StoryPaths.tag(language, tag));
        }
        for (String author : event.authorSlugs()) {
            paths.add(StoryPaths.author(language, author));
        }
        paths.addAll(event.linkedPaths());
        List<String> listings = List.copyOf(paths.subList(1, paths.size()));
        for (String listing : listings) {
            if (!listing.contains("/stories/")) {
                paths.addAll(StoryPaths.feeds(listing));
            }
        }
        paths.add("/sitemap.xml");
        paths.add("/sitemaps/news.xml");
        return paths;
    }
}
