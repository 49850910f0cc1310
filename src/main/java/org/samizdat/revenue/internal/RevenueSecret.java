package org.samizdat.revenue.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The key that signs self-service links and test-mode webhooks: {@code samizdat.revenue.secret}, or one generated
 * on first use and kept in the settings table so it survives restarts and is shared by every node.
 */
@Component
class RevenueSecret {

    private final SettingsRepository settings;
    private final String configured;
    private final Clock clock;
    private volatile byte[] key;

    RevenueSecret(SettingsRepository settings, RevenueProperties properties, Clock clock) {
        this.settings = settings;
        this.configured = properties.secret();
        this.clock = clock;
    }

    /** HMAC-SHA-256 (hex) of the value under this purpose. */
    String sign(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((purpose + ":" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the signature is the value's, compared in constant time. */
    boolean verify(String purpose, String value, String signature) {
        return signature != null && MessageDigest.isEqual(sign(purpose, value).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = configured.isEmpty() ? stored() : configured.getBytes(StandardCharsets.UTF_8);
            key = k;
        }
        return k;
    }

    private byte[] stored() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        settings.insertIfAbsent("secret", Base64.getEncoder().encodeToString(fresh), clock.instant());
        return Base64.getDecoder().decode(settings.get("secret").orElseThrow());
    }
}
