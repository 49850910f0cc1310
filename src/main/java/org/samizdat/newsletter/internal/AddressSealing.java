package org.samizdat.newsletter.internal;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Seals on start any subscriber address still stored in clear (rows written before addresses were sealed), so
 * the plain column is empty once the application serves, and reseals addresses still under an older key after a
 * personal-data key rotation. Idempotent and cheap when nothing is left.
 */
@Component
class AddressSealing implements InitializingBean {

    private final SubscriptionRepository subscriptions;

    AddressSealing(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public void afterPropertiesSet() {
        while (subscriptions.sealPlainAddresses(500) > 0) {
            Thread.onSpinWait();
        }
        while (subscriptions.resealOldKeys(500) > 0) {
            Thread.onSpinWait();
        }
    }
}
