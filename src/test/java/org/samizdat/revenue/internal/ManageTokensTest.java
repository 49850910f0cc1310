package org.samizdat.revenue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Self-service links: signed, expiring, bound to one plan, refused when altered. */
class ManageTokensTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    static ManageTokens tokens(String secret, Instant now) {
        RevenueProperties properties = new RevenueProperties(secret, List.of(), List.of(), null, Duration.ofDays(30),
                null, null);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new ManageTokens(new RevenueSecret(null, properties, clock), clock, properties);
    }

    @Test
    void aTokenNamesItsPlanUntilItExpires() {
        UUID plan = UUID.randomUUID();
        String token = tokens("s3cret", NOW).issue(plan);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[0-9a-f]{64}");
        assertThat(tokens("s3cret", NOW.plus(Duration.ofDays(29))).verify(token)).contains(plan);
        assertThat(tokens("s3cret", NOW.plus(Duration.ofDays(31))).verify(token)).isEmpty();
    }

    @Test
    void refusesAlteredForeignAndMalformedTokens() {
        String token = tokens("s3cret", NOW).issue(UUID.randomUUID());
        ManageTokens verifier = tokens("s3cret", NOW);
        assertThat(tokens("other", NOW).verify(token)).as("another key").isEmpty();
        String payload = token.substring(0, token.indexOf('.'));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString((UUID.randomUUID() + ":9999999999").getBytes()) + token.substring(token.indexOf('.'));
        assertThat(verifier.verify(forged)).as("another plan, same signature").isEmpty();
        assertThat(verifier.verify(payload)).isEmpty();
        assertThat(verifier.verify(payload + ".")).isEmpty();
        assertThat(verifier.verify("")).isEmpty();
        assertThat(verifier.verify(null)).isEmpty();
        assertThat(verifier.verify("x".repeat(500))).isEmpty();
        String sig = verifier.issue(UUID.randomUUID());
        assertThat(verifier.verify(sig.substring(0, sig.length() - 1) + (sig.endsWith("a") ? "b" : "a"))).isEmpty();
    }
}
