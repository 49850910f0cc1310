package org.samizdat.revenue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.Frequency;
import org.samizdat.shared.Language;
import org.samizdat.support.MailAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Webhooks as a provider sends them, over HTTP: replays and concurrent duplicates credit once, tampered, unsigned,
 * stale and future-dated deliveries are refused, and news that arrives before the payment it follows is kept.
 */
@MailAppTest
class WebhookDeliveryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PendingDonations pending;

    @Autowired
    TestWebhooks webhooks;

    final HttpClient http = HttpClient.newHttpClient();

    int send(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + TestWebhooks.PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(TestWebhooks.HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    int send(Map<String, Object> event) throws Exception {
        String body = webhooks.body(event);
        return send(body, webhooks.signature(body, Instant.now().getEpochSecond()));
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    int paid(UUID donation) {
        return count("select count(*) from revenue_donation_status where donation_id = ? and status = 'PAID'", donation);
    }

    static Map<String, Object> paidEvent(Donation d) {
        Map<String, Object> fields = new HashMap<>(Map.of("donation", d.id().toString(), "payment", "test_pay_" + d.id()));
        if (d.planId() != null) {
            fields.put("subscription", TestProvider.subscriptionRef(d.planId()));
            fields.put("invoice", "test_in_" + d.id());
        }
        return TestWebhooks.event("payment.succeeded", fields);
    }

    Donation donation(Frequency frequency) {
        return pending.create(frequency, 1500, "USD", "test", Language.EN, null, null, null, false);
    }

    @Test
    void aReplayedDeliveryCreditsOnce() throws Exception {
        Donation d = donation(Frequency.ONCE);
        Map<String, Object> event = paidEvent(d);
        assertThat(send(event)).isEqualTo(200);
        assertThat(send(event)).isEqualTo(200);
        Map<String, Object> sameFactNewEventId = new HashMap<>(event);
        sameFactNewEventId.put("id", "evt_" + UUID.randomUUID());
        assertThat(send(sameFactNewEventId)).isEqualTo(200);
        assertThat(paid(d.id())).isEqualTo(1);
    }

    @Test
    void concurrentDuplicateDeliveriesCreditOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            Donation d = donation(Frequency.ONCE);
            Map<String, Object> event = paidEvent(d);
            String body = webhooks.body(event);
            String signature = webhooks.signature(body, Instant.now().getEpochSecond());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return send(body, signature);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            pool.shutdown();
            assertThat(statuses).as("one applies, the other sees it done or fails and would be retried")
                    .contains(200).allMatch(s -> s == 200 || s >= 500);
            if (statuses.stream().anyMatch(s -> s >= 500)) {
                assertThat(send(body, signature)).as("the provider's retry").isEqualTo(200);
            }
            assertThat(paid(d.id())).isEqualTo(1);
            assertThat(count("select count(*) from revenue_provider_event where event_id = ?", event.get("id")))
                    .isEqualTo(1);
        }
    }

    @Test
    void tamperedUnsignedStaleAndFutureDeliveriesAreRefused() throws Exception {
        Donation d = donation(Frequency.ONCE);
        String body = webhooks.body(paidEvent(d));
        long now = Instant.now().getEpochSecond();
        String signature = webhooks.signature(body, now);
        assertThat(send(body.replace("1500", "150000").replace(d.id().toString(), d.id().toString() + " "), signature))
                .as("body changed after signing").isEqualTo(401);
        assertThat(send(body, null)).as("no signature").isEqualTo(401);
        assertThat(send(body, "garbage")).isEqualTo(401);
        assertThat(send(body, "t=" + now + ",v1=" + "0".repeat(64))).isEqualTo(401);
        assertThat(send(body, webhooks.signature(body, now - 3600))).as("stale").isEqualTo(401);
        assertThat(send(body, webhooks.signature(body, now + 3600))).as("from the future").isEqualTo(401);
        assertThat(paid(d.id())).isZero();
        String notJson = "{\"id\": \"evt_x\", ";
        assertThat(send(notJson, webhooks.signature(notJson, now))).as("malformed but signed").isEqualTo(400);
        String badId = webhooks.body(TestWebhooks.event("payment.succeeded", Map.of("donation", "not-a-uuid")));
        assertThat(send(badId, webhooks.signature(badId, now))).isEqualTo(400);
        assertThat(send(TestWebhooks.event("something.new", Map.of()))).as("unknown types are acknowledged")
                .isEqualTo(200);
        assertThat(send(body, signature)).isEqualTo(200);
        assertThat(paid(d.id())).isEqualTo(1);
    }

    @Test
    void aRenewalBeforeTheCheckoutCompletesIsKeptAndCreditedOnce() throws Exception {
        Donation d = donation(Frequency.MONTHLY);
        String subscription = TestProvider.subscriptionRef(d.planId());
        Map<String, Object> renewal = TestWebhooks.event("invoice.paid", Map.of("subscription", subscription,
                "invoice", "test_in_second_" + d.id(), "payment", "test_pay_2_" + d.id(), "amount", 1500,
                "currency", "USD"));
        assertThat(send(renewal)).isEqualTo(200);
        String entries = "select count(*) from revenue_donation where plan_id = ?";
        assertThat(count(entries, d.planId())).as("only the checkout's own entry so far").isEqualTo(1);

        assertThat(send(paidEvent(d))).isEqualTo(200);
        assertThat(count(entries, d.planId())).isEqualTo(2);
        assertThat(count("""
                select count(*) from revenue_donation x join revenue_donation_status s on s.donation_id = x.id
                where x.plan_id = ? and s.status = 'PAID'
                """, d.planId())).isEqualTo(2);

        Map<String, Object> again = new HashMap<>(renewal);
        again.put("id", "evt_" + UUID.randomUUID());
        assertThat(send(again)).isEqualTo(200);
        Map<String, Object> firstInvoice = TestWebhooks.event("invoice.paid", Map.of("subscription", subscription,
                "invoice", "test_in_" + d.id(), "amount", 1500, "currency", "USD"));
        assertThat(send(firstInvoice)).as("the checkout's own invoice").isEqualTo(200);
        assertThat(count(entries, d.planId())).isEqualTo(2);
    }

    @Test
    void aCancellationBeforeTheCheckoutCompletesStillEndsThePlan() throws Exception {
        Donation d = donation(Frequency.ANNUAL);
        assertThat(send(TestWebhooks.event("subscription.cancelled",
                Map.of("subscription", TestProvider.subscriptionRef(d.planId()))))).isEqualTo(200);
        assertThat(send(paidEvent(d))).isEqualTo(200);
        assertThat(paid(d.id())).isEqualTo(1);
        assertThat(jdbc.sql("select status from revenue_plan_change where plan_id = ? order by id desc limit 1")
                .param(d.planId()).query(String.class).single()).isEqualTo("CANCELLED");
    }

    @Test
    void refundsAreNewEntriesKeyedByTheRefundId() throws Exception {
        Donation d = donation(Frequency.ONCE);
        Map<String, Object> refund = TestWebhooks.event("charge.refunded", Map.of("payment", "test_pay_" + d.id(),
                "refund", "re_" + d.id(), "amount", 500));
        assertThat(send(refund)).as("before the payment: kept").isEqualTo(200);
        assertThat(send(paidEvent(d))).isEqualTo(200);
        Map<String, Object> again = new HashMap<>(refund);
        again.put("id", "evt_" + UUID.randomUUID());
        assertThat(send(again)).isEqualTo(200);
        assertThat(count("select count(*) from revenue_donation_status where donation_id = ? and status = 'REFUNDED'",
                d.id())).isEqualTo(1);
        assertThat(paid(d.id())).isEqualTo(1);
    }
}
