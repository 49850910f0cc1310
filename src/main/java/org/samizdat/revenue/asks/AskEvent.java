package org.samizdat.revenue.asks;

import java.util.Locale;
import java.util.Optional;

/**
 * What is counted per ask variant and day, in aggregate only: shown to a reader, opened (its button led to the
 * support dialog), continued (the dialog's form sent to checkout) and completed (a donation made through it).
 */
public enum AskEvent {
    SHOWN, OPENED, CONTINUED, COMPLETED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The events a reader's browser may report; completion comes only from the payment side. */
    public static Optional<AskEvent> reported(String code) {
        for (AskEvent event : values()) {
            if (event != COMPLETED && event.code().equals(code)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }
}
