package org.samizdat.revenue.checkout;

import java.util.UUID;
import org.samizdat.revenue.Frequency;
import org.samizdat.shared.Language;

/**
 * A donation stored as pending and handed to a provider: our own id (use it as the provider's reference,
 * metadata and idempotency key), what to charge, the reader's language, where to return the reader (absolute
 * URLs built from the host the reader used, so mirrors keep working), the reader's email when they gave one
 * (may be null; never log it), and the neutral text to show on bank statements.
 */
public record PendingDonation(UUID donationId, Frequency frequency, long amountMinor, String currency,
        Language language, String successUrl, String cancelUrl, String email, String descriptor) {
}
