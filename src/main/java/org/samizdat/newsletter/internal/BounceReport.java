package org.samizdat.newsletter.internal;

/**
 * What a provider told us about one address: a hard (permanent) bounce, a soft (transient) bounce or a complaint
 * ("this is spam"), with a short diagnostic such as an enhanced status code. Never logged: it holds an address.
 */
public record BounceReport(String address, Kind kind, String detail) {

    /** The three kinds of feedback the suppression rules distinguish. */
    public enum Kind { HARD_BOUNCE, SOFT_BOUNCE, COMPLAINT }
}
