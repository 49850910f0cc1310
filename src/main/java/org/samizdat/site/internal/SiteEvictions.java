package org.samizdat.site.internal;

import java.util.List;
import org.samizdat.content.CatalogueChanged;
import org.samizdat.shared.web.PagesChanged;
import org.samizdat.site.PrivacyPolicyPublished;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Evictions that are not about one story: a new privacy policy version replaces its cached page, and a
 * renamed section, tag or author empties the cache, since section names sit in every page's masthead, and
 * other modules name the pages they changed.
 */
@Component
class SiteEvictions {

    private final PageCache cache;

    SiteEvictions(PageCache cache) {
        this.cache = cache;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PrivacyPolicyPublished event) {
        cache.evict(List.of("/" + event.language().code() + "/privacy"));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PagesChanged event) {
        if (event.all()) {
            cache.evictAll();
            return;
        }
        cache.evict(event.paths());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CatalogueChanged event) {
        cache.evictAll();
    }
}
