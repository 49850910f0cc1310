package org.samizdat.revenue.checkout;

import java.util.Optional;

/**
 * A way to pay (test mode, Stripe, BTCPay Server, bank transfer). The checkout creates a pending donation in
 * the ledger first, then asks the provider named by the reader's chosen method where to send the reader.
 * Providers report what happened afterwards (usually from a webhook) through {@link PaymentLedger}.
 * Implementations are Spring beans; the checkout finds them by {@link #id()}.
 */
public interface PaymentProvider {

    /** The method id readers choose and the ledger records: {@code test}, {@code stripe}, {@code btcpay}, {@code bank}. */
    String id();

    /** Whether the provider is configured (keys present, switched on) and may be offered to readers. */
    boolean enabled();

    /**
     * Starts paying for a donation that is already stored as pending. Must be safe to call twice for the same
     * donation (derive idempotency keys from {@link PendingDonation#donationId()}). Throws
     * {@link ProviderUnavailable} when the provider cannot be reached; the reader then sees a readable error.
     */
    CheckoutStart begin(PendingDonation donation);

    /** Stops future charges of a plan at the provider. A plan the provider no longer knows counts as cancelled. */
    void cancel(PlanAtProvider plan);

    /** Changes the amount of future charges of a plan at the provider (same currency and interval). */
    void changeAmount(PlanAtProvider plan, long newAmountMinor);

    /**
     * A page at the provider where the supporter manages their card, when the provider has one (Stripe's
     * billing portal); {@code returnUrl} is where the provider sends them back.
     */
    default Optional<String> portalUrl(PlanAtProvider plan, String returnUrl) {
        return Optional.empty();
    }
}
