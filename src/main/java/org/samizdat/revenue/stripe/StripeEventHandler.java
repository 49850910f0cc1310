package org.samizdat.revenue.stripe;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.samizdat.revenue.checkout.PaymentLedger;
import org.samizdat.revenue.checkout.PendingDonation;
import org.samizdat.revenue.checkout.PlanStatus;
import org.samizdat.revenue.checkout.ProviderRefs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a verified Stripe event to the ledger, in one transaction with the record of its id, so a replay or a
 * concurrent twin changes nothing and a failure half way leaves nothing behind for Stripe's retry. Everything is
 * found by our donation id (carried in the session, payment and subscription metadata), never by arrival order:
 * the first invoice of a subscription and the checkout completion both credit the same donation, once.
 */
@Service
class StripeEventHandler {

    static final String PROVIDER = "stripe";
    static final String DONATION_KEY = "donation_id";
    private static final Logger log = LoggerFactory.getLogger(StripeEventHandler.class);
    private static final Set<String> HANDLED = Set.of("checkout.session.completed",
            "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed", "invoice.paid",
            "invoice.payment_failed", "customer.subscription.updated", "customer.subscription.deleted",
            "charge.refunded");

    /** What became of a delivery. */
    enum Outcome { APPLIED, DUPLICATE, IGNORED }

    private final PaymentLedger ledger;

    StripeEventHandler(PaymentLedger ledger) {
        this.ledger = ledger;
    }

    @Transactional
    Outcome handle(StripeEvent event) {
        if (!HANDLED.contains(event.type())) {
            return Outcome.IGNORED;
        }
        if (!ledger.recordEvent(PROVIDER, event.id())) {
            return Outcome.DUPLICATE;
        }
        switch (event.type()) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> sessionPaid(event);
            case "checkout.session.async_payment_failed" -> donation(event, "client_reference_id", "metadata." + DONATION_KEY)
                    .ifPresent(id -> ledger.markFailed(id, PROVIDER, "async_payment_failed"));
            case "invoice.paid" -> invoicePaid(event);
            case "invoice.payment_failed" -> invoiceFailed(event);
            case "customer.subscription.updated" -> subscriptionUpdated(event);
            case "customer.subscription.deleted" -> ledger.changePlan(PROVIDER, event.first("id"), PlanStatus.CANCELLED, null);
            case "charge.refunded" -> refunded(event);
            default -> throw new IllegalStateException(event.type());
        }
        return Outcome.APPLIED;
    }

    private void sessionPaid(StripeEvent event) {
        String status = event.first("payment_status");
        if (!"paid".equals(status) && !"no_payment_required".equals(status)) {
            return;
        }
        donation(event, "client_reference_id", "metadata." + DONATION_KEY).ifPresent(id -> credit(id, event,
                event.number("amount_total"), new ProviderRefs(event.first("payment_intent"), event.first("customer"),
                        event.first("subscription"), event.first("invoice")), event.first("customer_details.email")));
    }

    private void invoicePaid(StripeEvent event) {
        String subscription = subscriptionOf(event);
        if (subscription == null) {
            return;
        }
        long paid = event.number("amount_paid");
        ProviderRefs refs = new ProviderRefs(event.first("payments.data.0.payment.payment_intent", "payment_intent"),
                event.first("customer"), subscription, event.first("id"));
        Optional<UUID> origin = donation(event, "parent.subscription_details.metadata." + DONATION_KEY,
                "subscription_details.metadata." + DONATION_KEY);
        if ("subscription_create".equals(event.first("billing_reason"))) {
            origin.ifPresent(id -> credit(id, event, paid, refs, event.first("customer_email")));
        } else if (paid > 0) {
            ledger.recordRenewal(PROVIDER, origin.orElse(null), paid, currency(event), refs);
        }
    }

    private void invoiceFailed(StripeEvent event) {
        String subscription = subscriptionOf(event);
        if (subscription == null || "subscription_create".equals(event.first("billing_reason"))) {
            return;
        }
        ledger.recordFailedRenewal(PROVIDER, donation(event, "parent.subscription_details.metadata." + DONATION_KEY,
                "subscription_details.metadata." + DONATION_KEY).orElse(null),
                new ProviderRefs(null, event.first("customer"), subscription, event.first("id")));
    }

    private void subscriptionUpdated(StripeEvent event) {
        PlanStatus status = planStatus(event.first("status"));
        if (status != PlanStatus.PENDING) {
            ledger.changePlan(PROVIDER, event.first("id"), status, subscriptionAmount(event));
        }
    }

    private void refunded(StripeEvent event) {
        long total = event.number("amount_refunded");
        long before = event.previous().path("amount_refunded").asLong(0);
        String payment = event.first("payment_intent", "id");
        if (total > before) {
            ledger.recordRefund(PROVIDER, payment, event.first("id") + ":" + total, total - before);
        }
    }

    /**
     * Credits the donation when Stripe's amount and currency are the ones we asked for, passing on the address
     * Stripe collected for the receipt.
     */
    private void credit(UUID donationId, StripeEvent event, long amount, ProviderRefs refs, String email) {
        Optional<PendingDonation> pending = ledger.donation(donationId);
        if (pending.isEmpty()) {
            log.warn("Stripe event {} names an unknown donation", event.id());
            return;
        }
        if (pending.get().amountMinor() != amount || !pending.get().currency().equalsIgnoreCase(currency(event))) {
            log.warn("Stripe event {} pays a different amount than donation {} asked; not credited", event.id(), donationId);
            ledger.markFailed(donationId, PROVIDER, "amount_mismatch");
            return;
        }
        ledger.markPaid(donationId, PROVIDER, refs, email);
    }

    private static String subscriptionOf(StripeEvent event) {
        return event.first("parent.subscription_details.subscription", "subscription",
                "lines.data.0.parent.subscription_item_details.subscription");
    }

    private static Optional<UUID> donation(StripeEvent event, String... paths) {
        String value = event.first(paths);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String currency(StripeEvent event) {
        String currency = event.first("currency");
        if (currency == null) {
            throw new StripeEvent.BadPayload(event.type() + " without currency");
        }
        return currency.toUpperCase(Locale.ROOT);
    }

    private static Long subscriptionAmount(StripeEvent event) {
        var item = event.object().path("items").path("data").path(0);
        return item.path("price").path("unit_amount").isIntegralNumber()
                ? item.path("price").path("unit_amount").asLong() * Math.max(1, item.path("quantity").asLong(1))
                : null;
    }

    static PlanStatus planStatus(String stripeStatus) {
        return switch (stripeStatus == null ? "" : stripeStatus) {
            case "active", "trialing" -> PlanStatus.ACTIVE;
            case "past_due", "unpaid", "paused" -> PlanStatus.PAST_DUE;
            case "canceled", "incomplete_expired" -> PlanStatus.CANCELLED;
            default -> PlanStatus.PENDING;
        };
    }
}
