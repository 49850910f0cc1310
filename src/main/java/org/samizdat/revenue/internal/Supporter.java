package org.samizdat.revenue.internal;

import java.time.Instant;
import java.util.UUID;
import org.samizdat.shared.Language;

/** A donor: their address (opened from its sealed form only when needed), optional name, anonymity wish. */
public record Supporter(UUID id, String email, String name, boolean anonymous, Language language, Instant createdAt) {
}
