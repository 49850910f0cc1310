package org.samizdat.shared.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals personal data (email addresses, names) before it is stored, with AES-256-GCM under a key kept
 * outside the database, and gives a keyed lookup hash so a sealed column can still be unique and searched
 * by exact value. Sealed text reads {@code pd1:<key id>:<base64>}, so keys can be rotated: add a new key,
 * make it current, and reseal rows whose {@link #isCurrent} is false.
 */
@Component
public final class PersonalData {

    private static final String PREFIX = "pd1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Looking up a cipher costs more than using it; each init below resets the thread's own one. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has AES/GCM", e);
        }
    });

    private final PersonalDataKeys keys;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    PersonalData(@Value("${samizdat.privacy.keys:}") String configured,
                 @Value("${samizdat.privacy.key-file:}") String keyFile,
                 @Value("${samizdat.data-dir:./data}") String dataDir) {
        this(!configured.isBlank() ? PersonalDataKeys.parse(configured)
                : PersonalDataKeys.fromFile(keyFile.isBlank() ? Path.of(dataDir, "keys", "personal-data.keys") : Path.of(keyFile)));
    }

    PersonalData(PersonalDataKeys keys) {
        this.keys = keys;
    }

    /** An instance over keys given as text (the {@code samizdat.privacy.keys} format), for tools and tests. */
    public static PersonalData withKeys(String keys) {
        return new PersonalData(PersonalDataKeys.parse(keys));
    }

    /** The value sealed under the current key; a fresh random nonce each time, so equal values differ. */
    public String seal(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.current(), iv);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + keys.current() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal personal data", e);
        }
    }

    /** The plain value of {@link #seal}'s output; fails loudly on tampered text or an unknown key. */
    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not sealed personal data");
        }
        byte[] all = Base64.getDecoder().decode(parts[2]);
        if (all.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("Sealed personal data is truncated");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, parts[1], java.util.Arrays.copyOf(all, IV_BYTES));
            byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Sealed personal data does not open with its key", e);
        }
    }

    /** Whether the sealed value is under the current key; rows that are not are resealed after a rotation. */
    public boolean isCurrent(String sealed) {
        return sealed != null && sealed.startsWith(PREFIX + keys.current() + ":");
    }

    /**
     * What every value sealed under the current key starts with; rows whose sealed text does not are due for
     * {@link #reseal} after a rotation (SQL: {@code where col not like currentPrefix() || '%'}).
     */
    public String currentPrefix() {
        return PREFIX + keys.current() + ":";
    }

    /** The value opened with its own key and sealed again under the current key; null stays null. */
    public String reseal(String sealed) {
        return sealed == null || isCurrent(sealed) ? sealed : seal(open(sealed));
    }

    /** A keyed hash (HMAC-SHA-256, hex) of an email address, trimmed and lower-cased, for unique indexes and lookups. */
    public String emailLookup(String email) {
        return lookup(email.strip().toLowerCase(Locale.ROOT));
    }

    /** A keyed hash (HMAC-SHA-256, hex) of any value, for lookups and for recording a value without keeping it. */
    public String lookup(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.lookup(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    private Cipher cipher(int mode, String keyId, byte[] iv) throws GeneralSecurityException {
        byte[] key = keys.keys().get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("Personal data sealed under unknown key '" + keyId + "'");
        }
        Cipher cipher = CIPHERS.get();
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
