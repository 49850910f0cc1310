package org.samizdat.revenue.internal;

import java.time.Clock;
import java.util.Base64;
import org.samizdat.shared.ServerKey;
import org.springframework.stereotype.Component;

/**
 * The key that signs self-service links and test-mode webhooks: {@code samizdat.revenue.secret}, or one generated
 * on first use and kept in the settings table so it survives restarts and is shared by every node.
 */
@Component
class RevenueSecret {

    private final ServerKey key;

    RevenueSecret(SettingsRepository settings, RevenueProperties properties, Clock clock) {
        this.key = new ServerKey(properties.secret(), fresh -> {
            settings.insertIfAbsent("secret", Base64.getEncoder().encodeToString(fresh), clock.instant());
            return Base64.getDecoder().decode(settings.get("secret").orElseThrow());
        });
    }

    /** HMAC-SHA-256 (hex) of the value under this purpose. */
    String sign(String purpose, String value) {
        return key.hmac(purpose, value);
    }

    /** Whether the signature is the value's, compared in constant time. */
    boolean verify(String purpose, String value, String signature) {
        return key.matches(purpose, value, signature);
    }
}
