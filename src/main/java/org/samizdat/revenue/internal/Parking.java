package org.samizdat.revenue.internal;

import java.time.Clock;
import java.util.UUID;
import org.samizdat.revenue.checkout.PlanStatus;
import org.samizdat.revenue.checkout.ProviderRefs;
import org.springframework.stereotype.Component;

/**
 * Provider news that came before the fact it refers to. It is stored under the subscription (or, when the
 * provider gave none, our origin donation id; for refunds, the payment) and applied, oldest first, when the
 * ledger links that subscription or credits that payment.
 */
@Component
class Parking {

    private final EventRepository events;
    private final PlanRepository plans;
    private final PlanChanges changes;
    private final Clock clock;

    Parking(EventRepository events, PlanRepository plans, PlanChanges changes, Clock clock) {
        this.events = events;
        this.plans = plans;
        this.changes = changes;
        this.clock = clock;
    }

    static String originKey(UUID originDonationId) {
        return "origin:" + originDonationId;
    }

    boolean park(String provider, UUID originDonationId, ProviderRefs refs, String kind, Long amountMinor,
            String currency, PlanStatus status) {
        String subject = refs.subscriptionRef() != null ? refs.subscriptionRef()
                : originDonationId != null ? originKey(originDonationId) : null;
        if (subject == null) {
            throw new IllegalArgumentException("Plan news needs a subscription reference or our donation id");
        }
        events.park(new Parked(0, provider, subject, kind, refs.invoiceRef(), refs.paymentRef(), amountMinor, currency,
                status == null ? null : status.name()), clock.instant());
        return true;
    }

    boolean parkRefund(String provider, String paymentRef, String refundId, long amountMinor) {
        events.park(new Parked(0, provider, paymentRef, "REFUND", refundId, paymentRef, amountMinor, null, null),
                clock.instant());
        return true;
    }

    /** Applies what waited for the subscription, now linked to a plan. */
    void applyForSubscription(String provider, String subject, Ledger ledger) {
        for (Parked p : events.waiting(provider, subject)) {
            if ("REFUND".equals(p.kind())) {
                continue;
            }
            events.applied(p.id(), clock.instant());
            Plan plan = subject.startsWith("origin:")
                    ? plans.byOrigin(UUID.fromString(subject.substring(7))).orElseThrow()
                    : plans.bySubscription(provider, subject).orElseThrow();
            ProviderRefs refs = new ProviderRefs(p.paymentRef(), null, plan.subscriptionRef(), p.invoiceRef());
            switch (p.kind()) {
                case "RENEWAL" -> ledger.credit(plan, p.amountMinor(), p.currency(), refs);
                case "FAILED_RENEWAL" -> changes.apply(plan, PlanStatus.PAST_DUE, null, "renewal-failed");
                case "PLAN" -> changes.apply(plan, p.status() == null ? null : PlanStatus.valueOf(p.status()),
                        p.amountMinor(), provider);
                default -> throw new IllegalStateException("Unknown parked kind " + p.kind());
            }
        }
    }

    /** Applies refunds that waited for the payment, now credited. */
    void applyRefunds(String provider, String paymentRef, Ledger ledger) {
        for (Parked p : events.waiting(provider, paymentRef)) {
            if ("REFUND".equals(p.kind())) {
                events.applied(p.id(), clock.instant());
                ledger.recordRefund(provider, paymentRef, p.invoiceRef(), p.amountMinor());
            }
        }
    }
}
