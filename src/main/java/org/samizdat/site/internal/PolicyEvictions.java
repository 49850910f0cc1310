package org.samizdat.site.internal;

import java.util.List;
import org.samizdat.site.PrivacyPolicyPublished;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** A new privacy policy version replaces the cached policy page of its language. */
@Component
class PolicyEvictions {

    private final PageCache cache;

    PolicyEvictions(PageCache cache) {
        this.cache = cache;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PrivacyPolicyPublished event) {
        cache.evict(List.of("/" + event.language().code() + "/privacy"));
    }
}
