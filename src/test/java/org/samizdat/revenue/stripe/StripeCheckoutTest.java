package org.samizdat.revenue.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.Frequency;
import org.samizdat.revenue.PaymentsAppTest;
import org.samizdat.revenue.ProviderStubs;
import org.samizdat.revenue.checkout.CheckoutStart;
import org.samizdat.revenue.checkout.PendingDonation;
import org.samizdat.revenue.checkout.ProviderUnavailable;
import org.samizdat.shared.Language;
import org.springframework.beans.factory.annotation.Autowired;

/** Checkout Sessions as Stripe receives them: mode, inline prices, our donation id, and the idempotency key. */
@PaymentsAppTest
class StripeCheckoutTest {

    @Autowired
    StripeProvider stripe;

    private static PendingDonation donation(Frequency frequency, long amount, String currency, Language language) {
        return new PendingDonation(UUID.randomUUID(), frequency, amount, currency, language,
                "https://mirror.example.org/support/thanks", "https://mirror.example.org/support", null, "Newsroom fund");
    }

    private static String stubSession(PendingDonation donation, String mode) {
        String session = StripeHooks.unique("cs_test");
        ProviderStubs.server().stubFor(post(urlEqualTo("/v1/checkout/sessions"))
                .withFormParam("client_reference_id", equalTo(donation.donationId().toString()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("Request-Id", "req_" + session)
                        .withBody(ProviderStubs.fixture("stripe/checkout-session-created.json", Map.of("session", session,
                                "amount", donation.amountMinor(), "currency", donation.currency().toLowerCase(),
                                "donation", donation.donationId(), "mode", mode)))));
        return session;
    }

    private static LoggedRequest received(PendingDonation donation) {
        List<LoggedRequest> requests = ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withRequestBody(containing("client_reference_id=" + donation.donationId())));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    @Test
    void oneTimeDonationIsAPaymentSession() {
        PendingDonation donation = donation(Frequency.ONCE, 2500, "EUR", Language.EN);
        String session = stubSession(donation, "payment");

        CheckoutStart start = stripe.begin(donation);

        assertThat(start.external()).isTrue();
        assertThat(start.location()).startsWith("https://checkout.stripe.com/c/pay/" + session);
        ProviderStubs.server().verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo("samizdat-donation-" + donation.donationId() + "-checkout"))
                .withHeader("Authorization", equalTo("Bearer " + ProviderStubs.STRIPE_KEY))
                .withFormParam("mode", equalTo("payment"))
                .withFormParam("submit_type", equalTo("donate"))
                .withFormParam("client_reference_id", equalTo(donation.donationId().toString()))
                .withFormParam("metadata[donation_id]", equalTo(donation.donationId().toString()))
                .withFormParam("payment_intent_data[metadata][donation_id]", equalTo(donation.donationId().toString()))
                .withFormParam("line_items[0][price_data][currency]", equalTo("eur"))
                .withFormParam("line_items[0][price_data][unit_amount]", equalTo("2500"))
                .withFormParam("line_items[0][price_data][product_data][name]", equalTo("Newsroom fund"))
                .withFormParam("line_items[0][quantity]", equalTo("1"))
                .withFormParam("success_url", equalTo("https://mirror.example.org/support/thanks"))
                .withFormParam("cancel_url", equalTo("https://mirror.example.org/support"))
                .withFormParam("locale", equalTo("en")));
        assertThat(received(donation).getBodyAsString()).doesNotContain("recurring").doesNotContain("subscription_data");
    }

    @Test
    void monthlyAndAnnualDonationsAreSubscriptionSessions() {
        for (Frequency frequency : new Frequency[] {Frequency.MONTHLY, Frequency.ANNUAL}) {
            PendingDonation donation = donation(frequency, 1000, "USD", Language.RU);
            stubSession(donation, "subscription");

            stripe.begin(donation);

            ProviderStubs.server().verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                    .withHeader("Idempotency-Key", equalTo("samizdat-donation-" + donation.donationId() + "-checkout"))
                    .withFormParam("mode", equalTo("subscription"))
                    .withFormParam("client_reference_id", equalTo(donation.donationId().toString()))
                    .withFormParam("subscription_data[metadata][donation_id]", equalTo(donation.donationId().toString()))
                    .withFormParam("line_items[0][price_data][recurring][interval]",
                            equalTo(frequency == Frequency.MONTHLY ? "month" : "year"))
                    .withFormParam("line_items[0][price_data][unit_amount]", equalTo("1000"))
                    .withFormParam("locale", equalTo("ru")));
            assertThat(received(donation).getBodyAsString()).doesNotContain("payment_intent_data").doesNotContain("submit_type");
        }
    }

    @Test
    void aRetryForTheSameDonationCarriesTheSameKey() {
        PendingDonation donation = donation(Frequency.ONCE, 500, "USD", Language.EN);
        stubSession(donation, "payment");

        String first = stripe.begin(donation).location();
        String second = stripe.begin(donation).location();

        assertThat(second).isEqualTo(first);
        ProviderStubs.server().verify(2, postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withRequestBody(containing("client_reference_id=" + donation.donationId()))
                .withHeader("Idempotency-Key", matching("samizdat-donation-" + donation.donationId() + "-checkout")));
    }

    @Test
    void stripeRefusingIsAReadableUnavailability() {
        PendingDonation donation = donation(Frequency.ONCE, 500, "USD", Language.EN);
        ProviderStubs.server().stubFor(post(urlEqualTo("/v1/checkout/sessions"))
                .withFormParam("client_reference_id", equalTo(donation.donationId().toString()))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"parameter_invalid_integer\",\"message\":\"Invalid integer\","
                                + "\"param\":\"line_items[0][price_data][unit_amount]\",\"type\":\"invalid_request_error\"}}")));
        assertThatThrownBy(() -> stripe.begin(donation)).isInstanceOf(ProviderUnavailable.class);
    }
}
