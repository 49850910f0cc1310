package org.samizdat.revenue.internal;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * After a personal-data key rotation (a new current key in {@code samizdat.privacy.keys}), reseals supporters'
 * addresses and names still under an older key when the application starts, so the old key can be retired.
 */
@Component
class SupporterResealing implements InitializingBean {

    private final SupporterRepository supporters;

    SupporterResealing(SupporterRepository supporters) {
        this.supporters = supporters;
    }

    @Override
    public void afterPropertiesSet() {
        while (supporters.resealOldKeys(500) > 0) {
            Thread.onSpinWait();
        }
    }
}
