package org.samizdat.revenue.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a {@code Stripe-Signature} header ({@code t=<unix seconds>,v1=<hex>[,v1=<hex>…]}): an HMAC-SHA256 of
 * {@code "<t>.<raw body>"} under the endpoint secret, compared in constant time, with the timestamp inside a
 * window on both sides of now. Stripe's own helper only refuses old timestamps; a future one is refused here too.
 */
final class StripeSignature {

    /** Why a delivery was refused, or {@code VALID}. */
    enum Verdict { VALID, MISSING, MALFORMED, STALE, FUTURE, MISMATCH }

    private static final int MAX_HEADER = 2048;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] secret;
    private final Duration maxAge;
    private final Duration maxAhead;

    StripeSignature(String secret, Duration maxAge, Duration maxAhead) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.maxAge = maxAge;
        this.maxAhead = maxAhead;
    }

    Verdict check(String header, byte[] body, Instant now) {
        if (header == null || header.isBlank()) {
            return Verdict.MISSING;
        }
        if (header.length() > MAX_HEADER) {
            return Verdict.MALFORMED;
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                return Verdict.MALFORMED;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equals("t")) {
                if (timestamp != null || !value.matches("[0-9]{1,12}")) {
                    return Verdict.MALFORMED;
                }
                timestamp = Long.parseLong(value);
            } else if (key.equals("v1")) {
                if (!value.matches("[0-9a-fA-F]{64}")) {
                    return Verdict.MALFORMED;
                }
                signatures.add(HEX.parseHex(value.toLowerCase()));
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return Verdict.MALFORMED;
        }
        Instant signedAt = Instant.ofEpochSecond(timestamp);
        if (signedAt.isBefore(now.minus(maxAge))) {
            return Verdict.STALE;
        }
        if (signedAt.isAfter(now.plus(maxAhead))) {
            return Verdict.FUTURE;
        }
        byte[] expected = sign(timestamp, body);
        boolean match = false;
        for (byte[] candidate : signatures) {
            match |= MessageDigest.isEqual(expected, candidate);
        }
        return match ? Verdict.VALID : Verdict.MISMATCH;
    }

    /** The v1 signature Stripe sends for this body at this time. */
    byte[] sign(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
