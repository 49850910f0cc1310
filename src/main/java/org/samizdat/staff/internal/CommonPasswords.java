package org.samizdat.staff.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The bundled list of the 10,000 most common passwords long enough to pass the length rule
 * ({@code staff/common-passwords.txt}, source and licence in its header): credential stuffing tries these first.
 */
public final class CommonPasswords {

    private static final Set<String> LIST = load();

    private CommonPasswords() {
    }

    /** True when the password, ignoring case and surrounding spaces, is on the list. */
    public static boolean contains(String password) {
        return password != null && LIST.contains(password.strip().toLowerCase(Locale.ROOT));
    }

    static int size() {
        return LIST.size();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(16_384);
        try (var in = CommonPasswords.class.getResourceAsStream("/staff/common-passwords.txt");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> words.add(line.strip().toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
