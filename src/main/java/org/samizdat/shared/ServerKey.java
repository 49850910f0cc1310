package org.samizdat.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A module's HMAC-SHA256 key for values it must recognise but not keep (signed links, keyed hashes): the
 * configured secret, or else 32 random bytes that the module stores on first use, so the key survives restarts
 * and every node shares it. The store is given the fresh bytes and answers with the bytes kept (another node's,
 * when it stored first).
 */
public final class ServerKey {

    private final String configured;
    private final UnaryOperator<byte[]> keepOnce;
    private volatile byte[] key;

    public ServerKey(String configured, UnaryOperator<byte[]> keepOnce) {
        this.configured = configured == null ? "" : configured;
        this.keepOnce = keepOnce;
    }

    /** HMAC-SHA256, as lower-case hex, of {@code purpose:value}; the purpose keeps one use's hashes from another's. */
    public String hmac(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((purpose + ":" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMAC-SHA256 of {@code purpose:} followed by the bytes; for signatures that travel in binary form. */
    public byte[] mac(String purpose, byte[] value, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            mac.update((purpose + ":").getBytes(StandardCharsets.UTF_8));
            mac.update(value, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the signature is {@link #hmac} of the value, compared in constant time. */
    public boolean matches(String purpose, String value, String signature) {
        return signature != null && MessageDigest.isEqual(hmac(purpose, value).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            if (configured.isEmpty()) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                k = keepOnce.apply(fresh);
            } else {
                k = configured.getBytes(StandardCharsets.UTF_8);
            }
            key = k;
        }
        return k;
    }
}
