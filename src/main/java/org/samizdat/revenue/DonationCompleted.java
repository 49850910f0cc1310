package org.samizdat.revenue;

import java.util.UUID;

/**
 * A donation was paid and credited to the ledger, once per donation (renewals of a recurring plan are
 * donations of their own). {@code ask} is the ask variant the checkout form carried, or null.
 */
public record DonationCompleted(UUID donationId, String ask, Frequency frequency, long amountMinor, String currency,
        String method) {
}
