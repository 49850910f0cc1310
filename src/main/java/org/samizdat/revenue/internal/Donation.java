package org.samizdat.revenue.internal;

import java.time.Instant;
import java.util.UUID;
import org.samizdat.revenue.Frequency;
import org.samizdat.shared.Language;

/**
 * One ledger entry as read back: the facts fixed at creation, and its latest status (PENDING, PAID, FAILED,
 * REFUNDED) with when it was reached. {@code supporterId} is the donor known at checkout or at payment.
 */
public record Donation(UUID id, Instant createdAt, String kind, Frequency frequency, long amountMinor, String currency,
        String method, Language language, String ask, UUID supporterId, UUID planId, String invoiceRef,
        String referenceCode, String status, Instant statusAt, long refundedMinor) {

    public static final String CHECKOUT = "CHECKOUT";
    public static final String RENEWAL = "RENEWAL";

    public boolean paid() {
        return "PAID".equals(status) || "REFUNDED".equals(status);
    }
}
