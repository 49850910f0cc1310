package org.samizdat.revenue.btcpay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a {@code BTCPay-Sig} header: {@code sha256=<hex HMAC-SHA256 of the raw body under the webhook secret>},
 * compared in constant time. BTCPay signs no timestamp, so replays are met by deduplicating deliveries instead.
 */
final class BtcpaySignature {

    private static final String PREFIX = "sha256=";

    private final byte[] secret;

    BtcpaySignature(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    boolean valid(String header, byte[] body) {
        if (header == null) {
            return false;
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        String hex = value.substring(PREFIX.length());
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            return false;
        }
        return MessageDigest.isEqual(sign(body), HexFormat.of().parseHex(hex.toLowerCase()));
    }

    byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
