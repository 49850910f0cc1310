package org.samizdat.newsletter.internal;

import java.util.List;

/**
 * What an import did: addresses added, already on the list (in any state, left as they were), refused because they
 * are suppressed, repeated within the file; or, when any row is bad, nothing imported and the line-numbered errors
 * (message key and line).
 */
public record ImportResult(int added, int alreadyListed, int suppressed, int duplicates, List<RowError> errors) {

    /** A bad row: its line in the file and the message key saying why. */
    public record RowError(int line, String key) {
    }

    public boolean failed() {
        return !errors.isEmpty();
    }

    static ImportResult refused(List<RowError> errors) {
        return new ImportResult(0, 0, 0, 0, errors);
    }
}
