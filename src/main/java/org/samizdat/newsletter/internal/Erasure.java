package org.samizdat.newsletter.internal;

import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Deletes a subscriber's personal data: the sealed address and its lookup hash, every link token, every delivery
 * row, the keyed hash of the client address in consent records. Subscriptions and consent records stay, without
 * anything that points at a person, so the newsroom can still show when consent was given and withdrawn.
 */
@Component
class Erasure {

    private final SubscriptionRepository subscriptions;
    private final ConsentRepository consents;
    private final TokenRepository tokens;
    private final DeliveryRepository deliveries;

    Erasure(SubscriptionRepository subscriptions, ConsentRepository consents, TokenRepository tokens,
            DeliveryRepository deliveries) {
        this.subscriptions = subscriptions;
        this.consents = consents;
        this.tokens = tokens;
        this.deliveries = deliveries;
    }

    /** Run inside the caller's transaction. */
    void erase(long subscriberId, String via, Instant now) {
        consents.anonymise(subscriberId, via, now);
        tokens.deleteForSubscriber(subscriberId);
        deliveries.deleteForSubscriber(subscriberId);
        subscriptions.erase(subscriberId, now);
    }
}
