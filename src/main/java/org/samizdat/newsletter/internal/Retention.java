package org.samizdat.newsletter.internal;

import java.time.Clock;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps no address longer than needed: sign-ups never confirmed within
 * {@code samizdat.newsletter.unconfirmed-retention} expire, and a subscriber left with nothing but expired or
 * erased subscriptions is erased (address gone, consent history kept without it).
 */
@Component
class Retention {

    private final SubscriptionRepository subscriptions;
    private final Erasure erasure;
    private final NewsletterProperties properties;
    private final Clock clock;

    Retention(SubscriptionRepository subscriptions, Erasure erasure, NewsletterProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.erasure = erasure;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${samizdat.newsletter.retention-interval:1h}", initialDelayString = "${samizdat.newsletter.retention-initial-delay:1m}")
    @Transactional
    public int purge() {
        Instant now = clock.instant();
        subscriptions.expireUnconfirmed(now.minus(properties.unconfirmedRetention()));
        int erased = 0;
        for (long subscriberId : subscriptions.withNothingLeft()) {
            erasure.erase(subscriberId, "expired", now);
            erased++;
        }
        return erased;
    }
}
