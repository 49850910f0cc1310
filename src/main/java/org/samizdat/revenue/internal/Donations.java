package org.samizdat.revenue.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.samizdat.revenue.checkout.PlanStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading single donations for their pages, and test mode's simulated outcomes: a payment, a failure or a
 * plan's renewal, each sent as a signed webhook to this application over HTTP.
 */
@Service
public class Donations {

    private final LedgerRepository donations;
    private final PlanRepository plans;
    private final TestProvider test;
    private final TestWebhooks webhooks;

    Donations(LedgerRepository donations, PlanRepository plans, TestProvider test, TestWebhooks webhooks) {
        this.donations = donations;
        this.plans = plans;
        this.test = test;
        this.webhooks = webhooks;
    }

    @Transactional(readOnly = true)
    public Optional<Donation> find(UUID id) {
        return donations.find(id);
    }

    public boolean testModeOn() {
        return test.enabled();
    }

    /** Sends the simulated payment's outcome to the app on this port; returns the webhook's HTTP status. */
    public int simulate(Donation d, boolean paid, String email, int port) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("donation", d.id().toString());
        if (paid) {
            fields.put("payment", "test_pay_" + d.id());
            if (d.planId() != null) {
                fields.put("subscription", TestProvider.subscriptionRef(d.planId()));
                fields.put("invoice", "test_in_" + d.id());
            }
            if (email != null) {
                fields.put("email", email);
            }
        }
        return webhooks.deliver(port, TestWebhooks.event(paid ? "payment.succeeded" : "payment.failed", fields));
    }

    /** Simulates the next paid period of a test-mode plan; returns the webhook's HTTP status, 404 if not possible. */
    public int renew(UUID planId, int port) {
        Optional<Plan> plan = plans.find(planId)
                .filter(p -> TestProvider.ID.equals(p.method()) && p.status() != PlanStatus.CANCELLED);
        if (plan.isEmpty() || !test.enabled()) {
            return 404;
        }
        Plan p = plan.get();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("origin", p.originDonationId().toString());
        fields.put("subscription", TestProvider.subscriptionRef(p.id()));
        fields.put("invoice", "test_in_" + UUID.randomUUID());
        fields.put("payment", "test_pay_" + UUID.randomUUID());
        fields.put("amount", p.amountMinor());
        fields.put("currency", p.currency());
        return webhooks.deliver(port, TestWebhooks.event("invoice.paid", fields));
    }
}
