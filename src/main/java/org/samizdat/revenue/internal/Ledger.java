package org.samizdat.revenue.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.samizdat.revenue.DonationCompleted;
import org.samizdat.revenue.DonationRefunded;
import org.samizdat.revenue.Frequency;
import org.samizdat.revenue.checkout.PaymentLedger;
import org.samizdat.revenue.checkout.PendingDonation;
import org.samizdat.revenue.checkout.PlanStatus;
import org.samizdat.revenue.checkout.ProviderRefs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only ledger behind {@link PaymentLedger}: credits, failures, renewals and refunds become new rows,
 * unique keys make each fact count once, and news about a subscription or payment not yet known is parked and
 * applied when it is ({@link Parking}).
 */
@Service
class Ledger implements PaymentLedger {

    private final LedgerRepository donations;
    private final PlanRepository plans;
    private final EventRepository events;
    private final SupporterRepository supporters;
    private final PlanChanges changes;
    private final Parking parking;
    private final PendingDonations pending;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Ledger(LedgerRepository donations, PlanRepository plans, EventRepository events, SupporterRepository supporters,
            PlanChanges changes, Parking parking, PendingDonations pending, ApplicationEventPublisher publisher,
            Clock clock) {
        this.donations = donations;
        this.plans = plans;
        this.events = events;
        this.supporters = supporters;
        this.changes = changes;
        this.parking = parking;
        this.pending = pending;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean recordEvent(String provider, String eventId) {
        try {
            return events.record(provider, eventId, clock.instant());
        } catch (DataIntegrityViolationException concurrentDuplicate) {
            return false;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PendingDonation> donation(UUID donationId) {
        return donations.find(donationId).map(pending::asPending);
    }

    @Override
    @Transactional
    public boolean markPaid(UUID donationId, String provider, ProviderRefs refs) {
        return markPaid(donationId, provider, refs, null);
    }

    @Override
    @Transactional
    public boolean markPaid(UUID donationId, String provider, ProviderRefs refs, String email) {
        Optional<Donation> found = donations.find(donationId).filter(d -> d.method().equals(provider));
        if (found.isEmpty()) {
            return false;
        }
        donations.lock(donationId);
        Donation d = found.get();
        Instant now = clock.instant();
        UUID supporter = d.supporterId() == null && email != null && !email.isBlank()
                ? supporters.findOrCreate(email, null, false, d.language(), now) : null;
        ProviderRefs known = refs == null ? new ProviderRefs(null, null, null, null) : refs;
        if (!donations.appendStatus(donationId, "PAID", "PAID", now, null, known, supporter, null)) {
            return false;
        }
        if (d.frequency().recurring()) {
            plans.byOrigin(donationId).ifPresent(plan -> activate(plan, provider, known, now));
        }
        publisher.publishEvent(new DonationCompleted(d.id(), d.ask(), d.frequency(), d.amountMinor(), d.currency(),
                d.method()));
        if (known.paymentRef() != null) {
            parking.applyRefunds(provider, known.paymentRef(), this);
        }
        return true;
    }

    private void activate(Plan plan, String provider, ProviderRefs refs, Instant now) {
        plans.lock(plan.id());
        if (plan.status() == PlanStatus.PENDING) {
            plans.change(plan.id(), now, PlanStatus.ACTIVE, plan.amountMinor(), nextDue(plan.frequency(), now), "paid");
        }
        if (refs.subscriptionRef() != null) {
            plans.link(provider, refs.subscriptionRef(), plan.id(), refs.customerRef());
            parking.applyForSubscription(provider, refs.subscriptionRef(), this);
        }
        parking.applyForSubscription(provider, Parking.originKey(plan.originDonationId()), this);
    }

    @Override
    @Transactional
    public boolean markFailed(UUID donationId, String provider, String reason) {
        Optional<Donation> found = donations.find(donationId).filter(d -> d.method().equals(provider));
        if (found.isEmpty()) {
            return false;
        }
        donations.lock(donationId);
        if (donations.hasStatus(donationId, "PAID")) {
            return false;
        }
        String note = reason == null ? null : reason.substring(0, Math.min(reason.length(), 200));
        return donations.appendStatus(donationId, "FAILED", "FAILED", clock.instant(), null, null, null, note);
    }

    @Override
    @Transactional
    public boolean recordRenewal(String provider, UUID originDonationId, long amountMinor, String currency,
            ProviderRefs refs) {
        requireInvoice(refs);
        lockOrigin(originDonationId);
        if (donations.invoiceSeen(provider, refs.invoiceRef())) {
            return false;
        }
        Optional<Plan> plan = linkedPlan(provider, originDonationId, refs);
        if (plan.isEmpty()) {
            return parking.park(provider, originDonationId, refs, "RENEWAL", amountMinor, currency, null);
        }
        return credit(plan.get(), amountMinor, currency, refs);
    }

    /** Credits one paid period of a linked plan as a new entry. */
    boolean credit(Plan plan, long amountMinor, String currency, ProviderRefs refs) {
        plans.lock(plan.id());
        if (donations.invoiceSeen(plan.method(), refs.invoiceRef())) {
            return false;
        }
        Instant now = clock.instant();
        Donation entry = new Donation(UUID.randomUUID(), now, Donation.RENEWAL, plan.frequency(), amountMinor,
                currency, plan.method(), plan.language(), null, plan.supporterId(), plan.id(), refs.invoiceRef(), null,
                "PENDING", now, 0);
        try {
            if (!donations.insert(entry)) {
                return false;
            }
        } catch (DataIntegrityViolationException concurrentDuplicate) {
            return false;
        }
        donations.appendStatus(entry.id(), "PAID", "PAID", now, null, refs, null, "renewal");
        if (plan.status() != PlanStatus.CANCELLED) {
            plans.change(plan.id(), now, PlanStatus.ACTIVE, plan.amountMinor(), nextDue(plan.frequency(), now), "renewed");
        }
        publisher.publishEvent(new DonationCompleted(entry.id(), null, plan.frequency(), amountMinor, currency,
                plan.method()));
        return true;
    }

    @Override
    @Transactional
    public boolean recordFailedRenewal(String provider, UUID originDonationId, ProviderRefs refs) {
        requireInvoice(refs);
        lockOrigin(originDonationId);
        Optional<Plan> plan = linkedPlan(provider, originDonationId, refs);
        if (plan.isEmpty()) {
            return parking.park(provider, originDonationId, refs, "FAILED_RENEWAL", null, null, null);
        }
        return changes.apply(plan.get(), PlanStatus.PAST_DUE, null, "renewal-failed");
    }

    @Override
    @Transactional
    public boolean changePlan(String provider, String subscriptionRef, PlanStatus status, Long amountMinor) {
        Optional<Plan> plan = plans.bySubscription(provider, subscriptionRef);
        if (plan.isEmpty()) {
            return parking.park(provider, null, new ProviderRefs(null, null, subscriptionRef, null), "PLAN",
                    amountMinor, null, status);
        }
        return changes.apply(plan.get(), status, amountMinor, provider);
    }

    @Override
    @Transactional
    public boolean recordRefund(String provider, String paymentRef, String refundId, long amountMinor) {
        Optional<Donation> paid = donations.byPaymentRef(provider, paymentRef).flatMap(donations::find);
        if (paid.isEmpty()) {
            return parking.parkRefund(provider, paymentRef, refundId, amountMinor);
        }
        Donation d = paid.get();
        donations.lock(d.id());
        if (!donations.appendStatus(d.id(), "REFUNDED", "REFUNDED:" + refundId, clock.instant(), amountMinor,
                ProviderRefs.payment(paymentRef), null, null)) {
            return false;
        }
        publisher.publishEvent(new DonationRefunded(d.id(), amountMinor, d.currency(), d.method()));
        return true;
    }

    /** The plan for a subscription, or for our origin donation once that is paid (linking it then). */
    private Optional<Plan> linkedPlan(String provider, UUID originDonationId, ProviderRefs refs) {
        if (refs.subscriptionRef() != null) {
            Optional<Plan> linked = plans.bySubscription(provider, refs.subscriptionRef());
            if (linked.isPresent()) {
                return linked;
            }
        }
        if (originDonationId == null || !donations.hasStatus(originDonationId, "PAID")) {
            return Optional.empty();
        }
        Optional<Plan> plan = plans.byOrigin(originDonationId).filter(p -> p.method().equals(provider));
        plan.ifPresent(p -> {
            if (refs.subscriptionRef() != null) {
                plans.link(provider, refs.subscriptionRef(), p.id(), refs.customerRef());
            }
        });
        return plan;
    }

    /**
     * Waits for any delivery crediting the plan's first payment (it holds this lock while it links the plan and
     * applies parked news), so news about the plan is either applied now or parked where that delivery finds it,
     * never parked unseen by a link committed at the same moment.
     */
    private void lockOrigin(UUID originDonationId) {
        if (originDonationId != null) {
            donations.lock(originDonationId);
        }
    }

    private static void requireInvoice(ProviderRefs refs) {
        if (refs == null || refs.invoiceRef() == null || refs.invoiceRef().isBlank()) {
            throw new IllegalArgumentException("A renewal needs the provider's invoice id");
        }
    }

    static LocalDate nextDue(Frequency frequency, Instant from) {
        LocalDate today = LocalDate.ofInstant(from, ZoneOffset.UTC);
        return frequency == Frequency.ANNUAL ? today.plusYears(1) : today.plusMonths(1);
    }
}
