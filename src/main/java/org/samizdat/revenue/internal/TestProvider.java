package org.samizdat.revenue.internal;

import org.samizdat.revenue.checkout.CheckoutStart;
import org.samizdat.revenue.checkout.PaymentProvider;
import org.samizdat.revenue.checkout.PendingDonation;
import org.samizdat.revenue.checkout.PlanAtProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Test mode: a simulated provider whose checkout is our own clearly labelled page and whose outcomes arrive as
 * signed webhooks, like a real provider's. On by default on the embedded database and whenever no real provider
 * is configured ({@code samizdat.revenue.test-mode=auto}); {@code on} or {@code off} force it.
 */
@Component
@Order(0)
class TestProvider implements PaymentProvider {

    static final String ID = "test";

    private final String mode;
    private final boolean embedded;
    private final ObjectProvider<PaymentProvider> all;

    TestProvider(RevenueProperties properties, @Value("${spring.datasource.url:}") String url,
            ObjectProvider<PaymentProvider> all) {
        this.mode = properties.testMode();
        this.embedded = url.startsWith("jdbc:h2:");
        this.all = all;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean enabled() {
        return switch (mode) {
            case "on" -> true;
            case "off" -> false;
            default -> embedded || all.stream().noneMatch(p -> p != this && !"bank".equals(p.id()) && p.enabled());
        };
    }

    @Override
    public CheckoutStart begin(PendingDonation donation) {
        return CheckoutStart.page("/support/test-checkout/" + donation.donationId());
    }

    @Override
    public void cancel(PlanAtProvider plan) {
    }

    @Override
    public void changeAmount(PlanAtProvider plan, long newAmountMinor) {
    }

    static String subscriptionRef(java.util.UUID planId) {
        return "test_sub_" + planId;
    }
}
