package org.samizdat.revenue.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.PaymentsAppTest;
import org.samizdat.revenue.ProviderStubs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deliveries Stripe did not sign, or signed too long ago or in the future, or that are not events, change nothing. */
@PaymentsAppTest
class StripeWebhookRefusalTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String body() {
        return StripeHooks.event("customer.subscription.deleted", "subscription", Map.of("subscription", "sub_Refused1",
                "customer", "cus_R1", "currency", "usd", "interval", "month", "amount", 1000, "invoice", "in_R1",
                "donation", "00000000-0000-0000-0000-000000000001", "status", "canceled", "canceled_at", 1764230400,
                "period_end", 1764230400));
    }

    private long events() {
        return jdbc.sql("select count(*) from revenue_provider_event").query(Long.class).single();
    }

    @Test
    void refusesMissingMalformedAndWronglySignedDeliveries() {
        StripeHooks hooks = new StripeHooks(port);
        String body = body();
        long now = Instant.now().getEpochSecond();
        long before = events();
        assertRefused(hooks.deliver(body, null), "signature missing");
        assertRefused(hooks.deliver(body, ""), "signature missing");
        assertRefused(hooks.deliver(body, "t=" + now), "signature malformed");
        assertRefused(hooks.deliver(body, "v1=" + "ab".repeat(32)), "signature malformed");
        assertRefused(hooks.deliver(body, "t=soon,v1=" + "ab".repeat(32)), "signature malformed");
        assertRefused(hooks.deliver(body, StripeHooks.header(body, now, "whsec_wrong")), "signature mismatch");
        assertRefused(hooks.deliver(body.replace("\"canceled\"", "\"active\""),
                StripeHooks.header(body, now, ProviderStubs.STRIPE_WEBHOOK_SECRET)), "signature mismatch");
        assertRefused(hooks.deliver(body, StripeHooks.header(body, now - 6 * 60, ProviderStubs.STRIPE_WEBHOOK_SECRET)),
                "signature stale");
        assertRefused(hooks.deliver(body, StripeHooks.header(body, now + 10 * 60, ProviderStubs.STRIPE_WEBHOOK_SECRET)),
                "signature future");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void signedGarbageIsABadPayload() {
        StripeHooks hooks = new StripeHooks(port);
        for (String garbage : new String[] {"not json", "[]", "{}", "{\"object\":\"event\",\"id\":\"evt_1\",\"type\":\"x\"}",
                "{\"object\":\"event\",\"id\":\"nope\",\"type\":\"invoice.paid\",\"data\":{\"object\":{}}}"}) {
            HttpResponse<String> response = hooks.deliver(garbage);
            assertThat(response.statusCode()).as(garbage).isEqualTo(400);
            assertThat(response.body()).isEqualTo("bad payload\n");
        }
    }

    @Test
    void unknownTypesAreAcknowledged() {
        String body = StripeHooks.event("customer.created", "charge", Map.of("charge", "ch_U1", "amount", 100,
                "amount_refunded", 0, "currency", "usd", "payment_intent", "pi_U1", "refunded", false));
        HttpResponse<String> response = new StripeHooks(port).deliver(body);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ignored\n");
    }

    @Test
    void refusesBodiesLargerThanAnyEvent() {
        String huge = "{\"pad\":\"" + "x".repeat(StripeWebhookController.MAX_BODY) + "\"}";
        assertThat(new StripeHooks(port).deliver(huge).statusCode()).isEqualTo(413);
    }

    private static void assertRefused(HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).as(reason).isEqualTo(400);
        assertThat(response.body()).isEqualTo(reason + "\n");
    }
}
