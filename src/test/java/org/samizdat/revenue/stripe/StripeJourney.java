package org.samizdat.revenue.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.samizdat.revenue.Donor;
import org.samizdat.revenue.ProviderStubs;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A reader's Stripe checkout over real HTTP, the events Stripe would send about it, and what the ledger shows. */
final class StripeJourney {

    final StripeHooks hooks;
    private final int port;
    private final JdbcClient jdbc;

    StripeJourney(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
        this.hooks = new StripeHooks(port);
    }

    /** Starts a checkout on our support form and returns the donation id Stripe was given. */
    UUID checkout(String frequency, String amount, String currency) throws Exception {
        return checkout(frequency, amount, currency, "reader@example.org", "");
    }

    /** Starts a checkout with the donor's address and name as typed on the form. */
    UUID checkout(String frequency, String amount, String currency, String email, String name) throws Exception {
        String session = StripeHooks.unique("cs_test");
        ProviderStubs.server().stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(ProviderStubs.fixture("stripe/checkout-session-created.json", Map.of("session", session,
                        "amount", 0, "currency", currency.toLowerCase(), "donation", "", "mode", "payment")))));
        HttpResponse<String> response = new Donor(port).checkout("frequency", frequency, "amount", amount,
                "currency", currency, "method", "stripe", "email", email, "name", name, "lang", "en");
        assertThat(response.statusCode()).as(response.body()).isBetween(302, 303);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .startsWith("https://checkout.stripe.com/c/pay/" + session);
        return UUID.fromString(lastCheckoutForm().get("client_reference_id"));
    }

    /** The form parameters of the newest Checkout Session request Stripe received. */
    static Map<String, String> lastCheckoutForm() {
        for (ServeEvent event : ProviderStubs.server().getAllServeEvents()) {
            Request request = event.getRequest();
            if (request.getUrl().equals("/v1/checkout/sessions")) {
                Map<String, String> form = new HashMap<>();
                for (String pair : request.getBodyAsString().split("&")) {
                    int eq = pair.indexOf('=');
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
                form.put("Idempotency-Key", request.getHeader("Idempotency-Key"));
                return form;
            }
        }
        throw new AssertionError("Stripe received no Checkout Session request");
    }

    static String session(String type, UUID donation, long amount, String paymentStatus, String paymentIntent) {
        return StripeHooks.event(type, "checkout-session-payment", Map.of("session", StripeHooks.unique("cs_test"),
                "amount", amount, "currency", "usd", "donation", donation, "payment_status", paymentStatus,
                "payment_intent", paymentIntent));
    }

    static String subscriptionSession(UUID donation, long amount, String subscription, String invoice) {
        return StripeHooks.event("checkout.session.completed", "checkout-session-subscription", Map.of(
                "session", StripeHooks.unique("cs_test"), "amount", amount, "currency", "usd", "donation", donation,
                "payment_status", "paid", "customer", "cus_" + subscription, "subscription", subscription, "invoice", invoice));
    }

    static String invoice(String type, UUID donation, long amount, String subscription, String invoice, String reason) {
        return StripeHooks.event(type, "invoice", Map.of("invoice", invoice, "amount", amount,
                "amount_paid", type.equals("invoice.paid") ? amount : 0, "billing_reason", reason, "currency", "usd",
                "customer", "cus_" + subscription, "subscription", subscription, "donation", donation,
                "period_end", 1767000000, "status", type.equals("invoice.paid") ? "paid" : "open"));
    }

    static String subscription(String type, UUID donation, long amount, String subscription, String status) {
        return StripeHooks.event(type, "subscription", Map.of("subscription", subscription, "amount", amount,
                "currency", "usd", "customer", "cus_" + subscription, "interval", "month", "invoice", "in_x",
                "donation", donation, "status", status, "canceled_at", status.equals("canceled") ? "1767000000" : "null",
                "period_end", 1767000000));
    }

    static String refund(String charge, String paymentIntent, long amount, long refunded, long before) {
        String body = StripeHooks.event("charge.refunded", "charge", Map.of("charge", charge, "amount", amount,
                "amount_refunded", refunded, "currency", "usd", "payment_intent", paymentIntent, "refunded", refunded == amount));
        return body.replace("\"object\": {", "\"previous_attributes\": {\"amount_refunded\": " + before
                + ", \"refunded\": false},\n    \"object\": {");
    }

    long statuses(UUID donation, String status) {
        return jdbc.sql("select count(*) from revenue_donation_status where donation_id = ? and status = ?")
                .params(donation, status).query(Long.class).single();
    }

    long renewals(String invoice) {
        return jdbc.sql("select count(*) from revenue_donation where method = 'stripe' and invoice_ref = ?")
                .param(invoice).query(Long.class).single();
    }

    long refunded(UUID donation) {
        return jdbc.sql("select coalesce(sum(amount_minor), 0) from revenue_donation_status where donation_id = ? and status = 'REFUNDED'")
                .param(donation).query(Long.class).single();
    }

    String planStatus(UUID origin) {
        return jdbc.sql("""
                select c.status from revenue_plan_change c join revenue_plan p on p.id = c.plan_id
                where p.origin_donation_id = ? order by c.id desc limit 1
                """).param(origin).query(String.class).single();
    }

    long planAmount(UUID origin) {
        return jdbc.sql("""
                select c.amount_minor from revenue_plan_change c join revenue_plan p on p.id = c.plan_id
                where p.origin_donation_id = ? order by c.id desc limit 1
                """).param(origin).query(Long.class).single();
    }
}
