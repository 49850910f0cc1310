package org.samizdat.newsletter.internal;

import java.util.Base64;
import org.samizdat.shared.ServerKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256) for values we must compare but must not keep: client addresses in consent records
 * and rate limits, reader addresses in rate limits. The key is {@code samizdat.newsletter.secret}, or one
 * generated on first use and kept in {@code newsletter_secret} so it survives restarts and is shared by nodes.
 */
@Component
class ServerSecret {

    private final ServerKey key;

    ServerSecret(JdbcClient jdbc, NewsletterProperties properties) {
        this.key = new ServerKey(properties.secret(), fresh -> {
            jdbc.sql("insert into newsletter_secret (name, secret) values ('hmac', ?) on conflict do nothing")
                    .param(Base64.getEncoder().encodeToString(fresh)).update();
            return Base64.getDecoder().decode(
                    jdbc.sql("select secret from newsletter_secret where name = 'hmac'").query(String.class).single());
        });
    }

    String hmac(String purpose, String value) {
        return key.hmac(purpose, value);
    }

    /** HMAC-SHA256 of the first {@code length} bytes, for signed links. */
    byte[] mac(String purpose, byte[] value, int length) {
        return key.mac(purpose, value, length);
    }
}
