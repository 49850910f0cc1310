package org.samizdat.revenue.internal;

import java.time.Clock;
import org.samizdat.revenue.RecurringCancelled;
import org.samizdat.revenue.checkout.PlanStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Appends a change of status or amount to a plan, whoever asks (provider, supporter, newsroom). A cancelled plan
 * stays cancelled; a change that changes nothing is not recorded.
 */
@Component
class PlanChanges {

    private final PlanRepository plans;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    PlanChanges(PlanRepository plans, ApplicationEventPublisher publisher, Clock clock) {
        this.plans = plans;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Applies the change to the plan as it is now (re-read under a lock); true when something changed. */
    boolean apply(Plan stale, PlanStatus status, Long amountMinor, String reason) {
        plans.lock(stale.id());
        Plan plan = plans.find(stale.id()).orElseThrow();
        if (plan.status() == PlanStatus.CANCELLED) {
            return false;
        }
        PlanStatus next = status == null ? plan.status() : status;
        long amount = amountMinor == null ? plan.amountMinor() : amountMinor;
        if (next == plan.status() && amount == plan.amountMinor()) {
            return false;
        }
        plans.change(plan.id(), clock.instant(), next, amount, next == PlanStatus.CANCELLED ? null : plan.nextDue(), reason);
        if (next == PlanStatus.CANCELLED) {
            publisher.publishEvent(new RecurringCancelled(plan.id(), plan.frequency(), amount, plan.currency(),
                    plan.method()));
        }
        return true;
    }
}
