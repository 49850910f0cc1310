package org.samizdat.revenue.btcpay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** Invoices as BTCPay's Greenfield API receives them, and the reader sent to the invoice's checkout page. */
@PaymentsAppTest
class BtcpayCheckoutTest {

    private static final String INVOICES = "/api/v1/stores/" + ProviderStubs.BTCPAY_STORE + "/invoices";

    @Autowired
    BtcpayProvider btcpay;

    private static PendingDonation donation(long amount, String currency) {
        return new PendingDonation(UUID.randomUUID(), Frequency.ONCE, amount, currency, Language.RU,
                "https://mirror.example.org/support/thanks", "https://mirror.example.org/support", null, "Newsroom fund");
    }

    private static void noOpenInvoice(PendingDonation donation) {
        ProviderStubs.server().stubFor(get(urlPathEqualTo(INVOICES))
                .withQueryParam("orderId", equalTo(donation.donationId().toString()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));
    }

    @Test
    void createsAnInvoiceForTheDonationAndRedirectsToItsCheckout() {
        PendingDonation donation = donation(1250, "EUR");
        String invoice = BtcpayHooks.unique("Inv");
        noOpenInvoice(donation);
        ProviderStubs.server().stubFor(post(urlEqualTo(INVOICES))
                .withRequestBody(matchingJsonPath("$.metadata.orderId", equalTo(donation.donationId().toString())))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(BtcpayHooks.invoiceJson(invoice, donation.donationId().toString(), "12.50", "EUR", "New", "None"))));

        CheckoutStart start = btcpay.begin(donation);

        assertThat(start.external()).isTrue();
        assertThat(start.location()).isEqualTo(ProviderStubs.baseUrl() + "/i/" + invoice);
        ProviderStubs.server().verify(1, postRequestedFor(urlEqualTo(INVOICES))
                .withHeader("Authorization", equalTo("token " + ProviderStubs.BTCPAY_KEY))
                .withRequestBody(equalToJson("""
                        {"amount": "12.50", "currency": "EUR",
                         "metadata": {"orderId": "%s", "itemDesc": "Newsroom fund"},
                         "checkout": {"redirectURL": "https://mirror.example.org/support/thanks",
                                      "redirectAutomatically": true, "defaultLanguage": "ru-RU"}}
                        """.formatted(donation.donationId()))));
    }

    @Test
    void aSecondStartReusesTheOpenInvoice() {
        PendingDonation donation = donation(500, "USD");
        String invoice = BtcpayHooks.unique("Inv");
        ProviderStubs.server().stubFor(get(urlPathEqualTo(INVOICES))
                .withQueryParam("orderId", equalTo(donation.donationId().toString()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[" + BtcpayHooks.invoiceJson(invoice, donation.donationId().toString(), "5.00", "USD",
                                "New", "None") + "]")));

        assertThat(btcpay.begin(donation).location()).isEqualTo(ProviderStubs.baseUrl() + "/i/" + invoice);
        ProviderStubs.server().verify(0, postRequestedFor(urlEqualTo(INVOICES))
                .withRequestBody(matchingJsonPath("$.metadata.orderId", equalTo(donation.donationId().toString()))));
    }

    @Test
    void anUnreachableServerIsAReadableUnavailability() {
        PendingDonation donation = donation(700, "USD");
        noOpenInvoice(donation);
        ProviderStubs.server().stubFor(post(urlEqualTo(INVOICES))
                .withRequestBody(matchingJsonPath("$.metadata.orderId", equalTo(donation.donationId().toString())))
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        assertThatThrownBy(() -> btcpay.begin(donation)).isInstanceOf(ProviderUnavailable.class);
    }

    @Test
    void amountsUseTheCurrencysOwnDecimals() {
        assertThat(BtcpayApi.decimal(1250, "EUR").toPlainString()).isEqualTo("12.50");
        assertThat(BtcpayApi.decimal(1250, "JPY").toPlainString()).isEqualTo("1250");
        assertThat(BtcpayApi.minor(new java.math.BigDecimal("12.5"), "EUR")).isEqualTo(1250);
        assertThat(BtcpayApi.minor(new java.math.BigDecimal("1250"), "JPY")).isEqualTo(1250);
    }
}
