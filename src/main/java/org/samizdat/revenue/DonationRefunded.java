package org.samizdat.revenue;

import java.util.UUID;

/** Money of a paid donation went back to the donor (all of it or part); {@code amountMinor} is this refund. */
public record DonationRefunded(UUID donationId, long amountMinor, String currency, String method) {
}
