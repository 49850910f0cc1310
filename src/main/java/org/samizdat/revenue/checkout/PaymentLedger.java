package org.samizdat.revenue.checkout;

import java.util.Optional;
import java.util.UUID;

/**
 * What a provider's webhook handler may tell the ledger. Every operation is idempotent (a repeated call changes
 * nothing and says so) and joins the caller's transaction, so a handler that records the provider's event id
 * with {@link #recordEvent} and then applies its effect commits both or neither: a delivery that fails half way
 * is retried by the provider and applied once. Money facts are never updated in place: each payment, failure,
 * renewal and refund is a new row. Concurrent deliveries of the same fact are settled by unique keys; the loser
 * sees "already recorded" (or its transaction fails and the provider retries, which then sees it).
 *
 * <p>Out of order: providers do not promise order. A renewal, failed renewal, plan change or cancellation for a
 * subscription the ledger cannot yet tie to a plan (its checkout completion has not arrived) is stored and
 * applied when {@link #markPaid} links that subscription; a refund for an unknown payment is stored likewise.
 * A cancellation that arrives before the payment still ends the plan once it is linked.
 */
public interface PaymentLedger {

    /**
     * Records that the provider's event was received, under a unique (provider, event id) key. Returns false when
     * it was seen before: the handler then answers 200 and does nothing.
     */
    boolean recordEvent(String provider, String eventId);

    /**
     * The pending (or settled) donation as the checkout stored it, to check amounts before crediting. The return
     * URLs and the email are not kept and come back null.
     */
    Optional<PendingDonation> donation(UUID donationId);

    /**
     * Credits a donation as paid, once. For a recurring donation this also activates its plan and links the
     * provider's subscription and customer references to it, then applies anything stored for that
     * subscription meanwhile. {@code refs.invoiceRef} (the first invoice of a subscription) is remembered, so a
     * later {@link #recordRenewal} for that same invoice does not credit twice. Returns true when this call
     * credited it; false when it was already paid or the donation is unknown. Publishes
     * {@link org.samizdat.revenue.DonationCompleted} and sends the receipt after commit.
     */
    boolean markPaid(UUID donationId, String provider, ProviderRefs refs);

    /**
     * {@link #markPaid(UUID, String, ProviderRefs)} with the donor's address as the provider collected it (Stripe
     * Checkout asks for one), used for the receipt when the reader gave none on our form. Never log it.
     */
    boolean markPaid(UUID donationId, String provider, ProviderRefs refs, String email);

    /**
     * Records that paying a donation failed (declined, expired, invalid). Ignored once the donation is paid.
     * Returns true when this call recorded it.
     */
    boolean markFailed(UUID donationId, String provider, String reason);

    /**
     * Credits one paid period of a recurring plan as a NEW donation, keyed by the provider's invoice id: the same
     * invoice never credits twice. The plan is found by {@code refs.subscriptionRef}, or by
     * {@code originDonationId} (our id carried in the subscription's metadata) when given. Unknown yet: stored
     * and credited when the plan is linked. Returns true when this call credited or stored it.
     */
    boolean recordRenewal(String provider, UUID originDonationId, long amountMinor, String currency, ProviderRefs refs);

    /** Records a failed charge of a plan's period (keyed by invoice id) and sets the plan PAST_DUE. */
    boolean recordFailedRenewal(String provider, UUID originDonationId, ProviderRefs refs);

    /**
     * Sets a plan's status and, when {@code amountMinor} is not null, the amount of future periods, as the
     * provider reports it. CANCELLED is final. Returns true when it changed anything (or was stored for later).
     */
    boolean changePlan(String provider, String subscriptionRef, PlanStatus status, Long amountMinor);

    /**
     * Records money given back for the payment {@code paymentRef}, keyed by the provider's refund id, as a new
     * entry. Publishes {@link org.samizdat.revenue.DonationRefunded}. Returns true when this call recorded it.
     */
    boolean recordRefund(String provider, String paymentRef, String refundId, long amountMinor);
}
