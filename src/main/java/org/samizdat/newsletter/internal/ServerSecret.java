package org.samizdat.newsletter.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256) for values we must compare but must not keep: client addresses in consent records
 * and rate limits, reader addresses in rate limits. The key is {@code samizdat.newsletter.secret}, or one
 * generated on first use and kept in {@code newsletter_secret} so it survives restarts and is shared by nodes.
 */
@Component
class ServerSecret {

    private final JdbcClient jdbc;
    private final String configured;
    private volatile byte[] key;

    ServerSecret(JdbcClient jdbc, NewsletterProperties properties) {
        this.jdbc = jdbc;
        this.configured = properties.secret();
    }

    String hmac(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((purpose + ":" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
        jdbc.sql("insert into newsletter_secret (name, secret) values ('hmac', ?) on conflict do nothing")
                .param(Base64.getEncoder().encodeToString(fresh)).update();
        String value = jdbc.sql("select secret from newsletter_secret where name = 'hmac'").query(String.class).single();
        return Base64.getDecoder().decode(value);
    }
}
