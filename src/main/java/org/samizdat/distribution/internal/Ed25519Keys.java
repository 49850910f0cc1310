package org.samizdat.distribution.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.samizdat.shared.Sha256;

/**
 * Ed25519 keys in the formats OpenSSL reads and writes: PKCS#8 PEM for the private key, SubjectPublicKeyInfo
 * PEM for the public one. Signing and verifying go through the JDK; only deriving a public key from a private
 * one (which the JDK does not offer) uses Bouncy Castle's arithmetic.
 */
public final class Ed25519Keys {

    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519Keys() {
    }

    public static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The mirror signing key is not an Ed25519 private key in PKCS#8 PEM");
        }
    }

    public static PublicKey publicKeyOf(PrivateKey key) {
        byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow();
        byte[] raw = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        return publicKey(raw);
    }

    /** Reads a public key given as PEM, as base64 of its SubjectPublicKeyInfo, or as base64 of its 32 raw bytes. */
    public static PublicKey publicKey(String text) {
        String body = text.strip();
        byte[] bytes = body.startsWith("-----") ? der(body, "PUBLIC KEY") : Base64.getMimeDecoder().decode(body);
        return publicKey(bytes);
    }

    static PublicKey publicKey(byte[] bytes) {
        byte[] spki = bytes.length == 32 ? concat(SPKI_PREFIX, bytes) : bytes;
        if (spki.length != 44 || !Arrays.equals(Arrays.copyOf(spki, SPKI_PREFIX.length), SPKI_PREFIX)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    public static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** A short name for a public key: the first 16 hex digits of the SHA-256 of its SubjectPublicKeyInfo. */
    public static String id(PublicKey key) {
        return Sha256.hex(key.getEncoded()).substring(0, 16);
    }

    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] der(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        int start = pem.indexOf(begin);
        int end = pem.indexOf("-----END " + type + "-----");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("no " + type + " block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end).strip());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
