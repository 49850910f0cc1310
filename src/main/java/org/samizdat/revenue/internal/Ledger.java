package org.samizdat.revenue.internal;

import java.util.Optional;
import java.util.UUID;
import org.samizdat.revenue.checkout.PaymentLedger;
import org.samizdat.revenue.checkout.PendingDonation;
import org.samizdat.revenue.checkout.PlanStatus;
import org.samizdat.revenue.checkout.ProviderRefs;
import org.springframework.stereotype.Service;

/** The append-only ledger behind {@link PaymentLedger}. */
@Service
class Ledger implements PaymentLedger {

    @Override
    public boolean recordEvent(String provider, String eventId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Optional<PendingDonation> donation(UUID donationId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public boolean markPaid(UUID donationId, String provider, ProviderRefs refs) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public boolean markFailed(UUID donationId, String provider, String reason) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public boolean recordRenewal(String provider, UUID originDonationId, long amountMinor, String currency,
            ProviderRefs refs) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public boolean recordFailedRenewal(String provider, UUID originDonationId, ProviderRefs refs) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public boolean changePlan(String provider, String subscriptionRef, PlanStatus status, Long amountMinor) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public boolean recordRefund(String provider, String paymentRef, String refundId, long amountMinor) {
        throw new UnsupportedOperationException("not yet");
    }
}
