package org.samizdat.revenue.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.stripe.StripeSignature.Verdict;

class StripeSignatureTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final byte[] BODY = "{\"id\":\"evt_1\",\"object\":\"event\"}".getBytes(StandardCharsets.UTF_8);

    private final StripeSignature signature = new StripeSignature("whsec_test", Duration.ofMinutes(5), Duration.ofSeconds(30));

    private String header(long t, byte[] body, String secret) {
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(
                new StripeSignature(secret, Duration.ZERO, Duration.ZERO).sign(t, body));
    }

    @Test
    void acceptsTheRealScheme() {
        assertThat(signature.check(header(NOW.getEpochSecond(), BODY, "whsec_test"), BODY, NOW)).isEqualTo(Verdict.VALID);
    }

    @Test
    void acceptsAnyOfSeveralV1AndIgnoresOtherSchemes() {
        long t = NOW.getEpochSecond();
        String good = header(t, BODY, "whsec_test").substring(("t=" + t + ",").length());
        String other = header(t, BODY, "whsec_old").substring(("t=" + t + ",").length());
        String header = "t=" + t + "," + other + ",v0=" + "ab".repeat(32) + "," + good;
        assertThat(signature.check(header, BODY, NOW)).isEqualTo(Verdict.VALID);
    }

    @Test
    void refusesTamperedBodyAndWrongSecret() {
        long t = NOW.getEpochSecond();
        byte[] tampered = "{\"id\":\"evt_2\",\"object\":\"event\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.check(header(t, BODY, "whsec_test"), tampered, NOW)).isEqualTo(Verdict.MISMATCH);
        assertThat(signature.check(header(t, BODY, "whsec_other"), BODY, NOW)).isEqualTo(Verdict.MISMATCH);
        assertThat(signature.check(header(t - 1, BODY, "whsec_test").replace("t=" + (t - 1), "t=" + t), BODY, NOW))
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void refusesOldAndFutureTimestamps() {
        long t = NOW.getEpochSecond();
        assertThat(signature.check(header(t - 301, BODY, "whsec_test"), BODY, NOW)).isEqualTo(Verdict.STALE);
        assertThat(signature.check(header(t - 299, BODY, "whsec_test"), BODY, NOW)).isEqualTo(Verdict.VALID);
        assertThat(signature.check(header(t + 29, BODY, "whsec_test"), BODY, NOW)).isEqualTo(Verdict.VALID);
        assertThat(signature.check(header(t + 31, BODY, "whsec_test"), BODY, NOW)).isEqualTo(Verdict.FUTURE);
        assertThat(signature.check(header(t + 86_400 * 365, BODY, "whsec_test"), BODY, NOW)).isEqualTo(Verdict.FUTURE);
    }

    @Test
    void refusesMissingAndMalformedHeaders() {
        long t = NOW.getEpochSecond();
        String v1 = "v1=" + "ab".repeat(32);
        assertThat(signature.check(null, BODY, NOW)).isEqualTo(Verdict.MISSING);
        assertThat(signature.check(" ", BODY, NOW)).isEqualTo(Verdict.MISSING);
        for (String bad : new String[] {"garbage", v1, "t=" + t, "t=" + t + ",v1=", "t=" + t + ",v1=zz" + "ab".repeat(31),
                "t=abc," + v1, "t=-5," + v1, "t=" + t + ",t=" + t + "," + v1, "t=" + t + ",=x," + v1,
                "t=99999999999999999999," + v1, "t=" + t + "," + v1 + ",v1=" + "a".repeat(5000)}) {
            assertThat(signature.check(bad, BODY, NOW)).as(bad).isEqualTo(Verdict.MALFORMED);
        }
    }
}
