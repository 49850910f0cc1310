package org.samizdat.revenue;

import java.util.Locale;
import java.util.Optional;

/** How often a donation is given: once, or renewed every month or every year until cancelled. */
public enum Frequency {
    ONCE, MONTHLY, ANNUAL;

    public boolean recurring() {
        return this != ONCE;
    }

    /** The form value: {@code once}, {@code monthly} or {@code annual}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Frequency> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Frequency f : values()) {
            if (f.code().equalsIgnoreCase(code.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
