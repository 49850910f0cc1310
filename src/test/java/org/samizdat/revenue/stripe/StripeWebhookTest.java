package org.samizdat.revenue.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.PaymentsAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Stripe's events about real checkouts: credited once whatever the order, replays and concurrent twins. */
@PaymentsAppTest
class StripeWebhookTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private StripeJourney journey;

    @BeforeEach
    void setUp() {
        journey = new StripeJourney(port, jdbc);
    }

    private String deliver(String body) {
        HttpResponse<String> response = journey.hooks.deliver(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().trim();
    }

    @Test
    void oneTimeCheckoutIsCreditedOnceWhenPaidAndRefundedOnce() throws Exception {
        UUID donation = journey.checkout("once", "25", "USD");
        Map<String, String> form = StripeJourney.lastCheckoutForm();
        assertThat(form).containsEntry("mode", "payment").containsEntry("line_items[0][price_data][unit_amount]", "2500")
                .containsEntry("line_items[0][price_data][currency]", "usd")
                .containsEntry("metadata[donation_id]", donation.toString())
                .containsEntry("Idempotency-Key", "samizdat-donation-" + donation + "-checkout");
        assertThat(form.get("success_url")).startsWith("http://127.0.0.1:" + port + "/");

        String completed = StripeJourney.session("checkout.session.completed", donation, 2500, "paid", "pi_" + donation.hashCode());
        assertThat(deliver(completed)).isEqualTo("applied");
        assertThat(deliver(completed)).isEqualTo("duplicate");
        assertThat(journey.statuses(donation, "PAID")).isEqualTo(1);

        String partial = StripeJourney.refund("ch_" + donation.hashCode(), "pi_" + donation.hashCode(), 2500, 1000, 0);
        String rest = StripeJourney.refund("ch_" + donation.hashCode(), "pi_" + donation.hashCode(), 2500, 2500, 1000);
        assertThat(deliver(partial)).isEqualTo("applied");
        assertThat(deliver(partial)).isEqualTo("duplicate");
        assertThat(deliver(rest)).isEqualTo("applied");
        assertThat(journey.refunded(donation)).isEqualTo(2500);
        assertThat(journey.statuses(donation, "PAID")).isEqualTo(1);
    }

    @Test
    void anUnpaidCompletionWaitsForTheAsyncOutcome() throws Exception {
        UUID paid = journey.checkout("once", "10", "USD");
        deliver(StripeJourney.session("checkout.session.completed", paid, 1000, "unpaid", "pi_a" + paid.hashCode()));
        assertThat(journey.statuses(paid, "PAID")).isZero();
        deliver(StripeJourney.session("checkout.session.async_payment_succeeded", paid, 1000, "paid", "pi_a" + paid.hashCode()));
        assertThat(journey.statuses(paid, "PAID")).isEqualTo(1);

        UUID failed = journey.checkout("once", "10", "USD");
        deliver(StripeJourney.session("checkout.session.completed", failed, 1000, "unpaid", "pi_b" + failed.hashCode()));
        deliver(StripeJourney.session("checkout.session.async_payment_failed", failed, 1000, "unpaid", "pi_b" + failed.hashCode()));
        assertThat(journey.statuses(failed, "PAID")).isZero();
        assertThat(journey.statuses(failed, "FAILED")).isEqualTo(1);
    }

    @Test
    void aCompletionForAnotherAmountIsNotCredited() throws Exception {
        UUID donation = journey.checkout("once", "10", "USD");
        deliver(StripeJourney.session("checkout.session.completed", donation, 1, "paid", "pi_c" + donation.hashCode()));
        assertThat(journey.statuses(donation, "PAID")).isZero();
    }

    @Test
    void concurrentDeliveriesOfOneEventCreditOnce() throws Exception {
        UUID donation = journey.checkout("once", "40", "USD");
        String completed = StripeJourney.session("checkout.session.completed", donation, 4000, "paid", "pi_d" + donation.hashCode());
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return journey.hooks.deliver(completed);
            }));
        }
        start.countDown();
        List<String> bodies = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).isIn(200, 500);
            bodies.add(response.body().trim());
        }
        pool.shutdown();
        assertThat(bodies).containsOnlyOnce("applied");
        assertThat(journey.statuses(donation, "PAID")).isEqualTo(1);
        assertThat(deliver(completed)).isEqualTo("duplicate");
    }

    @Test
    void monthlyPlanWhateverTheOrderOfItsEvents() throws Exception {
        UUID origin = journey.checkout("monthly", "10", "USD");
        assertThat(StripeJourney.lastCheckoutForm()).containsEntry("mode", "subscription")
                .containsEntry("line_items[0][price_data][recurring][interval]", "month")
                .containsEntry("subscription_data[metadata][donation_id]", origin.toString());
        String sub = StripeHooks.unique("sub");
        String first = StripeHooks.unique("in");

        assertThat(deliver(StripeJourney.invoice("invoice.paid", origin, 1000, sub, first, "subscription_create"))).isEqualTo("applied");
        assertThat(deliver(StripeJourney.subscriptionSession(origin, 1000, sub, first))).isEqualTo("applied");
        assertThat(journey.statuses(origin, "PAID")).isEqualTo(1);
        assertThat(journey.renewals(first)).isLessThanOrEqualTo(1);
        assertThat(journey.planStatus(origin)).isEqualTo("ACTIVE");

        String second = StripeHooks.unique("in");
        String renewal = StripeJourney.invoice("invoice.paid", origin, 1000, sub, second, "subscription_cycle");
        assertThat(deliver(renewal)).isEqualTo("applied");
        assertThat(deliver(renewal)).isEqualTo("duplicate");
        assertThat(deliver(StripeJourney.invoice("invoice.paid", origin, 1000, sub, second, "subscription_cycle"))).isEqualTo("applied");
        assertThat(journey.renewals(second)).isEqualTo(1);

        deliver(StripeJourney.invoice("invoice.payment_failed", origin, 1000, sub, StripeHooks.unique("in"), "subscription_cycle"));
        assertThat(journey.planStatus(origin)).isEqualTo("PAST_DUE");
        deliver(StripeJourney.subscription("customer.subscription.updated", origin, 2000, sub, "active"));
        assertThat(journey.planStatus(origin)).isEqualTo("ACTIVE");
        assertThat(journey.planAmount(origin)).isEqualTo(2000);
        deliver(StripeJourney.subscription("customer.subscription.deleted", origin, 2000, sub, "canceled"));
        assertThat(journey.planStatus(origin)).isEqualTo("CANCELLED");
    }

    @Test
    void aCancellationBeforeTheCompletionStillEndsThePlan() throws Exception {
        UUID origin = journey.checkout("monthly", "15", "USD");
        String sub = StripeHooks.unique("sub");
        deliver(StripeJourney.subscription("customer.subscription.deleted", origin, 1500, sub, "canceled"));
        deliver(StripeJourney.subscriptionSession(origin, 1500, sub, StripeHooks.unique("in")));
        assertThat(journey.statuses(origin, "PAID")).isEqualTo(1);
        assertThat(journey.planStatus(origin)).isEqualTo("CANCELLED");
    }

    @Test
    void aKnownTypeWithoutTheFieldsItNeedsIsABadPayloadAndLeavesNoRecord() {
        String body = StripeHooks.event("charge.refunded", "charge", Map.of("charge", "ch_Bad1", "amount", 1000,
                "amount_refunded", "\"all\"", "currency", "usd", "payment_intent", "pi_Bad1", "refunded", true));
        long before = jdbc.sql("select count(*) from revenue_provider_event").query(Long.class).single();
        assertThat(journey.hooks.deliver(body).statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from revenue_provider_event").query(Long.class).single()).isEqualTo(before);
    }
}
