package org.samizdat.newsletter.internal;

import java.time.Instant;

/** What a reader agreed to: when, on which form, under which policy version and notice, and when it ended. */
record ConsentRecord(long id, long subscriptionId, String form, String policyLanguage, int policyVersion,
        String notice, String clientHmac, Instant requestedAt, Instant confirmedAt, Instant withdrawnAt,
        String withdrawnVia) {
}
