package org.samizdat.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B test vectors (SHA-1), cut to the six digits apps show. */
class TotpTest {

    static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfcVectors() {
        assertThat(Totp.code(RFC_KEY, Totp.step(59))).isEqualTo("287082");
        assertThat(Totp.code(RFC_KEY, Totp.step(1111111109))).isEqualTo("081804");
        assertThat(Totp.code(RFC_KEY, Totp.step(1111111111))).isEqualTo("050471");
        assertThat(Totp.code(RFC_KEY, Totp.step(1234567890))).isEqualTo("005924");
        assertThat(Totp.code(RFC_KEY, Totp.step(2000000000))).isEqualTo("279037");
        assertThat(Totp.code(RFC_KEY, Totp.step(20000000000L))).isEqualTo("353130");
    }

    @Test
    void base32RoundTripsAndMatchesTheRfc4648Example() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.unbase32("mzxw 6ytb oi")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        String secret = Totp.newSecret();
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.unbase32(secret)).hasSize(20);
    }

    @Test
    void acceptsOneStepOfDriftAndNoMore() {
        String secret = Totp.base32(RFC_KEY);
        long now = Totp.step(1234567890);
        byte[] key = RFC_KEY;
        assertThat(Totp.matchingStep(secret, Totp.code(key, now), now)).isEqualTo(now);
        assertThat(Totp.matchingStep(secret, Totp.code(key, now - 1), now)).isEqualTo(now - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(key, now + 1), now)).isEqualTo(now + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(key, now - 2), now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, Totp.code(key, now + 2), now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, "12345", now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, "abcdef", now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, null, now)).isEqualTo(-1);
    }
}
