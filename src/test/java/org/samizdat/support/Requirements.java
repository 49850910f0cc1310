package org.samizdat.support;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need something outside the JDK (Chromium, a PostgreSQL server) skip with a visible notice
 * when it is missing, so a fresh machine can still run {@code ./mvnw verify}. CI sets
 * {@code -Dsamizdat.require=true}, which turns a missing requirement into a failure.
 */
public final class Requirements {

    private Requirements() {
    }

    public static boolean strict() {
        return Boolean.parseBoolean(System.getProperty("samizdat.require", "false"));
    }

    /** Skips the test (or fails it under CI) when the condition does not hold. */
    public static void require(boolean present, String what) {
        if (present) {
            return;
        }
        String notice = "SKIPPED: " + what + " is not available on this machine";
        if (strict()) {
            throw new AssertionError(what + " is required (samizdat.require=true) but not available");
        }
        System.out.println("[samizdat] " + notice);
        Assumptions.abort(notice);
    }
}
