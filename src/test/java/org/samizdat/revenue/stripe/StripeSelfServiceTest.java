package org.samizdat.revenue.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.Frequency;
import org.samizdat.revenue.PaymentsAppTest;
import org.samizdat.revenue.ProviderStubs;
import org.samizdat.revenue.checkout.PlanAtProvider;
import org.samizdat.revenue.checkout.ProviderUnavailable;
import org.springframework.beans.factory.annotation.Autowired;

/** What the self-service link asks of Stripe: a new amount without proration, an end, a Billing Portal page. */
@PaymentsAppTest
class StripeSelfServiceTest {

    @Autowired
    StripeProvider stripe;

    private static PlanAtProvider plan(String subscription) {
        return new PlanAtProvider(UUID.randomUUID(), "stripe", subscription, "cus_" + subscription, Frequency.ANNUAL,
                1000, "USD");
    }

    private static String subscriptionJson(String subscription, String interval) {
        Map<String, Object> values = new HashMap<>(Map.of("subscription", subscription, "amount", 1000,
                "currency", "usd", "customer", "cus_" + subscription, "interval", interval, "invoice", "in_1",
                "donation", UUID.randomUUID(), "status", "active", "canceled_at", "null", "period_end", 1795766400));
        values.put("created", 1764230400);
        return ProviderStubs.fixture("stripe/subscription.json", values);
    }

    @Test
    void aNewAmountReplacesThePriceFromTheNextPeriodWithoutProration() {
        String sub = StripeHooks.unique("sub");
        PlanAtProvider plan = plan(sub);
        ProviderStubs.server().stubFor(get(urlPathEqualTo("/v1/subscriptions/" + sub)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(subscriptionJson(sub, "year"))));
        ProviderStubs.server().stubFor(post(urlEqualTo("/v1/subscriptions/" + sub)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(subscriptionJson(sub, "year"))));

        stripe.changeAmount(plan, 2500);

        ProviderStubs.server().verify(1, postRequestedFor(urlEqualTo("/v1/subscriptions/" + sub))
                .withHeader("Idempotency-Key", equalTo("samizdat-plan-" + plan.planId() + "-amount-1000-to-2500"))
                .withFormParam("proration_behavior", equalTo("none"))
                .withFormParam("items[0][id]", equalTo("si_Qa1b2c3d4e5f6g"))
                .withFormParam("items[0][price_data][unit_amount]", equalTo("2500"))
                .withFormParam("items[0][price_data][currency]", equalTo("usd"))
                .withFormParam("items[0][price_data][product]", equalTo("prod_Qa1b2c3d4e5f6g"))
                .withFormParam("items[0][price_data][recurring][interval]", equalTo("year")));
    }

    @Test
    void cancellingEndsTheSubscriptionAndOneStripeNoLongerKnowsCountsAsEnded() {
        String sub = StripeHooks.unique("sub");
        ProviderStubs.server().stubFor(delete(urlEqualTo("/v1/subscriptions/" + sub)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(subscriptionJson(sub, "month")
                        .replace("\"status\": \"active\"", "\"status\": \"canceled\""))));
        stripe.cancel(plan(sub));
        ProviderStubs.server().verify(1, deleteRequestedFor(urlEqualTo("/v1/subscriptions/" + sub)));

        String gone = StripeHooks.unique("sub");
        ProviderStubs.server().stubFor(delete(urlEqualTo("/v1/subscriptions/" + gone)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"resource_missing\",\"message\":\"No such subscription: '" + gone
                        + "'\",\"param\":\"id\",\"type\":\"invalid_request_error\"}}")));
        stripe.cancel(plan(gone));

        String broken = StripeHooks.unique("sub");
        ProviderStubs.server().stubFor(delete(urlEqualTo("/v1/subscriptions/" + broken)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Something went wrong\",\"type\":\"api_error\"}}")));
        assertThatThrownBy(() -> stripe.cancel(plan(broken))).isInstanceOf(ProviderUnavailable.class);
    }

    @Test
    void theBillingPortalIsOpenedForThePlansCustomer() {
        String sub = StripeHooks.unique("sub");
        PlanAtProvider plan = plan(sub);
        ProviderStubs.server().stubFor(post(urlEqualTo("/v1/billing_portal/sessions"))
                .withFormParam("customer", equalTo("cus_" + sub))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"id": "bps_1Q0aaa", "object": "billing_portal.session", "configuration": "bpc_1Q0aaa",
                         "created": 1764230400, "customer": "cus_%s", "livemode": false, "locale": null,
                         "return_url": "https://mirror.example.org/support/manage/t", "on_behalf_of": null, "flow": null,
                         "url": "https://billing.stripe.com/p/session/test_YWNjdF8x"}
                        """.formatted(sub))));

        assertThat(stripe.portalUrl(plan, "https://mirror.example.org/support/manage/t"))
                .contains("https://billing.stripe.com/p/session/test_YWNjdF8x");
        ProviderStubs.server().verify(1, postRequestedFor(urlEqualTo("/v1/billing_portal/sessions"))
                .withFormParam("customer", equalTo("cus_" + sub))
                .withFormParam("return_url", equalTo("https://mirror.example.org/support/manage/t")));
        assertThat(stripe.portalUrl(new PlanAtProvider(UUID.randomUUID(), "stripe", sub, null, Frequency.MONTHLY, 1, "USD"), "x"))
                .isEmpty();
    }
}
