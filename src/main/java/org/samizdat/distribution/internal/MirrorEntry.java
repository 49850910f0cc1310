package org.samizdat.distribution.internal;

import java.time.Instant;
import org.samizdat.shared.web.Mirrors;

/** One row of the mirror list as the newsroom keeps it: live or retired, at a position in the list. */
public record MirrorEntry(long id, String kind, String address, String label, int position, boolean live,
        Instant changedAt) {

    public Mirrors.Mirror mirror() {
        return new Mirrors.Mirror(kind, address, label);
    }

    /** What readers are shown: the label, or the address when there is none. */
    public String shown() {
        return label == null || label.isBlank() ? address : label;
    }
}
