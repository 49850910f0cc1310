package org.samizdat.revenue.stripe;

import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import java.util.Optional;
import org.samizdat.revenue.checkout.CheckoutStart;
import org.samizdat.revenue.checkout.PaymentProvider;
import org.samizdat.revenue.checkout.PendingDonation;
import org.samizdat.revenue.checkout.PlanAtProvider;
import org.samizdat.revenue.checkout.ProviderUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Card payments through Stripe Checkout: the reader is sent to Stripe's hosted page, and what happens there comes
 * back through the webhook. Recurring plans are Stripe subscriptions that the self-service link can cancel, change
 * (from the next period, no proration) or hand to Stripe's Billing Portal for a new card.
 */
@Component
class StripeProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(StripeProvider.class);

    private final StripeProperties properties;
    private final StripeApi api;

    StripeProvider(StripeProperties properties, StripeApi api) {
        this.properties = properties;
        this.api = api;
    }

    @Override
    public String id() {
        return StripeEventHandler.PROVIDER;
    }

    @Override
    public boolean enabled() {
        return properties.configured();
    }

    @Override
    public CheckoutStart begin(PendingDonation donation) {
        try {
            String url = api.checkout(donation).url();
            if (url == null || !url.startsWith("https://") && !url.startsWith("http://")) {
                throw new ProviderUnavailable("Stripe returned no checkout address");
            }
            return CheckoutStart.redirect(url);
        } catch (StripeException e) {
            throw unavailable("checkout", e);
        }
    }

    @Override
    public void cancel(PlanAtProvider plan) {
        try {
            api.cancel(plan.subscriptionRef());
        } catch (InvalidRequestException e) {
            if (!"resource_missing".equals(e.getCode())) {
                throw unavailable("cancel", e);
            }
        } catch (StripeException e) {
            throw unavailable("cancel", e);
        }
    }

    @Override
    public void changeAmount(PlanAtProvider plan, long newAmountMinor) {
        try {
            api.changeAmount(plan.subscriptionRef(), newAmountMinor,
                    "plan-" + plan.planId() + "-amount-" + plan.amountMinor() + "-to-" + newAmountMinor);
        } catch (StripeException e) {
            throw unavailable("change amount", e);
        }
    }

    @Override
    public Optional<String> portalUrl(PlanAtProvider plan, String returnUrl) {
        if (plan.customerRef() == null) {
            return Optional.empty();
        }
        try {
            long window = System.currentTimeMillis() / 300_000;
            return Optional.ofNullable(api.portal(plan.customerRef(), returnUrl, "plan-" + plan.planId() + "-portal-" + window));
        } catch (StripeException e) {
            throw unavailable("billing portal", e);
        }
    }

    private static ProviderUnavailable unavailable(String what, StripeException e) {
        log.warn("Stripe {} failed: {} (request {})", what, e.getCode(), e.getRequestId());
        return new ProviderUnavailable("Stripe " + what + " failed", e);
    }
}
