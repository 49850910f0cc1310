package org.samizdat.shared.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys that seal personal data, read from configuration or a key file outside the database.
 * Lines are {@code id=base64-of-32-bytes}; the line {@code current=id} names the key new data is sealed
 * with, and {@code lookup=base64} is the separate key for lookup hashes. The file is created with fresh
 * random keys on first start when nothing is configured.
 */
record PersonalDataKeys(Map<String, byte[]> keys, String current, byte[] lookup) {

    PersonalDataKeys {
        if (!keys.containsKey(current)) {
            throw new IllegalStateException("The current personal-data key '" + current + "' is not among the keys");
        }
        keys.values().forEach(PersonalDataKeys::check);
        check(lookup);
    }

    /** Parses the key-file format; also used for the {@code samizdat.privacy.keys} setting (lines or {@code ;}). */
    static PersonalDataKeys parse(String text) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String current = null;
        byte[] lookup = null;
        for (String raw : text.split("[\\n;]")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("A personal-data key line must read id=base64");
            }
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            switch (name) {
                case "current" -> current = value;
                case "lookup" -> lookup = Base64.getDecoder().decode(value);
                default -> {
                    if (!name.matches("[A-Za-z0-9_-]{1,16}")) {
                        throw new IllegalStateException("A personal-data key id is 1-16 letters, digits, - or _");
                    }
                    keys.put(name, Base64.getDecoder().decode(value));
                }
            }
        }
        if (lookup == null) {
            throw new IllegalStateException("The personal-data keys need a lookup= line");
        }
        if (current == null && keys.size() == 1) {
            current = keys.keySet().iterator().next();
        }
        return new PersonalDataKeys(keys, current, lookup);
    }

    /** Reads the key file, creating it (readable by its owner only) with fresh keys when it does not exist. */
    static PersonalDataKeys fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                String id = "k1";
                String text = "# Keys that seal personal data in the database. Back this file up apart from the database.\n"
                        + id + "=" + random() + "\ncurrent=" + id + "\nlookup=" + random() + "\n";
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                restrict(file);
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the personal-data key file " + file, e);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // Not a POSIX file system: the operator protects the file.
        }
    }

    private static String random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void check(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("A personal-data key must be 32 bytes (base64 of 32 random bytes)");
        }
    }
}
