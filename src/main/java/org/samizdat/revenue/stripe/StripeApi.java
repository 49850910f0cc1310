package org.samizdat.revenue.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import java.util.Locale;
import org.samizdat.revenue.Frequency;
import org.samizdat.revenue.checkout.PendingDonation;
import org.samizdat.shared.Language;
import org.springframework.stereotype.Component;

/**
 * The calls we make to Stripe, through stripe-java: a Checkout Session (one payment or a subscription with
 * monthly or yearly inline prices), a subscription's new amount or its end, and a Billing Portal session for a
 * new card. Every POST carries an idempotency key made from our own donation id and the operation, so a retry
 * after a lost answer never makes a second charge or subscription.
 */
@Component
class StripeApi {

    private final StripeProperties properties;
    private volatile StripeClient client;

    StripeApi(StripeProperties properties) {
        this.properties = properties;
    }

    /** A hosted Checkout page for a pending donation: a one-time payment, or a monthly or yearly subscription. */
    CheckoutPage checkout(PendingDonation donation) throws StripeException {
        String id = donation.donationId().toString();
        String name = donation.descriptor() == null || donation.descriptor().isBlank() ? "Donation" : donation.descriptor();
        PriceData.Builder price = PriceData.builder()
                .setCurrency(donation.currency().toLowerCase(Locale.ROOT))
                .setUnitAmount(donation.amountMinor())
                .setProductData(PriceData.ProductData.builder().setName(name).build());
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setClientReferenceId(id)
                .putMetadata(StripeEventHandler.DONATION_KEY, id)
                .setSuccessUrl(donation.successUrl())
                .setCancelUrl(donation.cancelUrl())
                .setLocale(donation.language() == Language.RU ? SessionCreateParams.Locale.RU : SessionCreateParams.Locale.EN);
        if (donation.frequency().recurring()) {
            price.setRecurring(PriceData.Recurring.builder()
                    .setInterval(donation.frequency() == Frequency.ANNUAL
                            ? PriceData.Recurring.Interval.YEAR : PriceData.Recurring.Interval.MONTH)
                    .build());
            params.setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                    .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                            .putMetadata(StripeEventHandler.DONATION_KEY, id)
                            .setDescription(name)
                            .build());
        } else {
            params.setMode(SessionCreateParams.Mode.PAYMENT)
                    .setSubmitType(SessionCreateParams.SubmitType.DONATE)
                    .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                            .putMetadata(StripeEventHandler.DONATION_KEY, id)
                            .setDescription(name)
                            .build());
        }
        params.addLineItem(LineItem.builder().setQuantity(1L).setPriceData(price.build()).build());
        Session session = client().v1().checkout().sessions().create(params.build(), key("donation-" + id + "-checkout"));
        return new CheckoutPage(session.getId(), session.getUrl());
    }

    /** Changes a subscription's amount from the next period on, without proration. */
    void changeAmount(String subscriptionId, long amount, String operation) throws StripeException {
        Subscription subscription = client().v1().subscriptions().retrieve(subscriptionId);
        SubscriptionItem item = subscription.getItems().getData().get(0);
        var recurring = item.getPrice().getRecurring();
        SubscriptionUpdateParams params = SubscriptionUpdateParams.builder()
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.NONE)
                .addItem(SubscriptionUpdateParams.Item.builder()
                        .setId(item.getId())
                        .setPriceData(SubscriptionUpdateParams.Item.PriceData.builder()
                                .setCurrency(item.getPrice().getCurrency())
                                .setProduct(item.getPrice().getProduct())
                                .setUnitAmount(amount)
                                .setRecurring(SubscriptionUpdateParams.Item.PriceData.Recurring.builder()
                                        .setInterval("year".equals(recurring.getInterval())
                                                ? SubscriptionUpdateParams.Item.PriceData.Recurring.Interval.YEAR
                                                : SubscriptionUpdateParams.Item.PriceData.Recurring.Interval.MONTH)
                                        .build())
                                .build())
                        .build())
                .build();
        client().v1().subscriptions().update(subscriptionId, params, key(operation));
    }

    /** Ends a subscription now; Stripe answers the later {@code customer.subscription.deleted} event too. */
    void cancel(String subscriptionId) throws StripeException {
        client().v1().subscriptions().cancel(subscriptionId);
    }

    /** A short-lived Billing Portal address where the supporter can change their card. */
    String portal(String customerId, String returnUrl, String operation) throws StripeException {
        return client().v1().billingPortal().sessions().create(
                com.stripe.param.billingportal.SessionCreateParams.builder()
                        .setCustomer(customerId).setReturnUrl(returnUrl).build(),
                key(operation)).getUrl();
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey("samizdat-" + idempotencyKey).build();
    }

    private StripeClient client() {
        StripeClient current = client;
        if (current == null) {
            current = StripeClient.builder()
                    .setApiKey(properties.secretKey())
                    .setApiBase(properties.apiBase())
                    .setConnectTimeout(10_000)
                    .setReadTimeout(30_000)
                    .setMaxNetworkRetries(2)
                    .build();
            client = current;
        }
        return current;
    }

    /** A created Checkout Session: its id and the address to send the reader to. */
    record CheckoutPage(String sessionId, String url) {
    }
}
