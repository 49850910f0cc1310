package org.samizdat.newsletter.internal;

/**
 * The answer to a sign-up. ACCEPTED is also the answer for known addresses, filled honeypots and addresses over
 * their mail limit, so the answer never tells whether an address is subscribed.
 */
public enum SignUpOutcome {
    ACCEPTED, INVALID_ADDRESS, TOO_MANY
}
