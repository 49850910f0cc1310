package org.samizdat.revenue.internal;

import org.samizdat.revenue.checkout.CheckoutStart;
import org.samizdat.revenue.checkout.PaymentProvider;
import org.samizdat.revenue.checkout.PendingDonation;
import org.samizdat.revenue.checkout.PlanAtProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Bank transfer: the reader sees the newsroom's bank details and a reference code to quote; an editor marks the
 * transfer received in the newsroom, which credits it. Offered once the newsroom has entered bank details.
 */
@Component
@Order(40)
class BankProvider implements PaymentProvider {

    static final String ID = "bank";

    private final Settings settings;

    BankProvider(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean enabled() {
        return !settings.current().bankDetails().isEmpty();
    }

    @Override
    public CheckoutStart begin(PendingDonation donation) {
        return CheckoutStart.page("/support/bank/" + donation.donationId());
    }

    @Override
    public void cancel(PlanAtProvider plan) {
    }

    @Override
    public void changeAmount(PlanAtProvider plan, long newAmountMinor) {
    }
}
