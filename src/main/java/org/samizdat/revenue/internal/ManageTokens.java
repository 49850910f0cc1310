package org.samizdat.revenue.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Self-service links: {@code <base64url(plan id:expiry second)>.<HMAC>}. Nothing is stored; a link works until it
 * expires and only for its plan. It carries no personal data.
 */
@Component
class ManageTokens {

    private static final String PURPOSE = "manage";

    private final RevenueSecret secret;
    private final Clock clock;
    private final Duration ttl;

    ManageTokens(RevenueSecret secret, Clock clock, RevenueProperties properties) {
        this.secret = secret;
        this.clock = clock;
        this.ttl = properties.manageLinkTtl();
    }

    String issue(UUID planId) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((planId + ":" + expires).getBytes(StandardCharsets.US_ASCII));
        return payload + "." + secret.sign(PURPOSE, payload);
    }

    /** The plan the token names, when the signature holds and it has not expired. */
    Optional<UUID> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || !secret.verify(PURPOSE, token.substring(0, dot), token.substring(dot + 1))) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.US_ASCII)
                    .split(":");
            if (parts.length != 2 || Long.parseLong(parts[1]) < clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(UUID.fromString(parts[0]));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
