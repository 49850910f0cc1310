package org.samizdat.revenue.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.samizdat.revenue.Frequency;
import org.samizdat.revenue.checkout.PlanStatus;
import org.samizdat.shared.Language;

/**
 * A recurring plan as it stands now: its fixed facts, the latest status, amount and next due date, and the
 * provider's subscription and customer references once linked (null before the first payment).
 */
public record Plan(UUID id, Instant createdAt, UUID originDonationId, UUID supporterId, Frequency frequency,
        String currency, String method, Language language, PlanStatus status, long amountMinor, LocalDate nextDue,
        Instant changedAt, String subscriptionRef, String customerRef) {

    /** What the plan brings in per month: the monthly amount, or a twelfth of the annual one. */
    public long monthlyMinor() {
        return frequency == Frequency.ANNUAL ? Math.round(amountMinor / 12.0) : amountMinor;
    }
}
