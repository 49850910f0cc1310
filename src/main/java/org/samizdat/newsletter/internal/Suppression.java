package org.samizdat.newsletter.internal;

import java.time.Instant;

/**
 * A suppressed address as the subscriber desk shows it: the address (null once the subscriber was erased; the
 * suppression itself keeps only a keyed hash), why ({@code HARD_BOUNCE}, {@code COMPLAINT}, {@code SOFT_BOUNCES}),
 * which webhook said so, the provider's short diagnostic, and when.
 */
public record Suppression(String address, String reason, String source, String detail, Instant at) {
}
