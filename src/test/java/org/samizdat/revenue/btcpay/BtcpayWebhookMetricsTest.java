package org.samizdat.revenue.btcpay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.PaymentsAppTest;
import org.samizdat.revenue.ProviderStubs;
import org.samizdat.revenue.WebhookCounters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** BTCPay deliveries counted per outcome, including the failure BTCPay will retry when its server is unreachable. */
@PaymentsAppTest
@TestPropertySource(properties = "samizdat.metrics.token=" + WebhookCounters.TOKEN)
class BtcpayWebhookMetricsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void failedAcceptedAndDuplicateDeliveriesAreCounted() throws Exception {
        BtcpayJourney journey = new BtcpayJourney(port, jdbc);
        double failed = WebhookCounters.scraped(port, "btcpay", "failed");
        double accepted = WebhookCounters.scraped(port, "btcpay", "accepted");
        double duplicate = WebhookCounters.scraped(port, "btcpay", "duplicate");

        String invoice = BtcpayHooks.unique("Inv");
        UUID donation = journey.checkout("once", "7", "USD", invoice, "metrics@example.org");
        ProviderStubs.server().stubFor(get(urlEqualTo(BtcpayJourney.INVOICES + "/" + invoice))
                .willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));
        String delivery = BtcpayHooks.unique("Dlv");
        String body = BtcpayHooks.delivery("webhook-settled", delivery, delivery, invoice, donation.toString(), Map.of());
        assertThat(journey.hooks.deliver(body).statusCode()).isEqualTo(500);
        assertThat(WebhookCounters.scraped(port, "btcpay", "failed")).isEqualTo(failed + 1);

        BtcpayHooks.invoiceIs(invoice, donation.toString(), "7.00", "USD", "Settled", "None");
        assertThat(journey.hooks.deliver(body).statusCode()).isEqualTo(200);
        assertThat(journey.hooks.deliver(body).statusCode()).isEqualTo(200);
        assertThat(WebhookCounters.scraped(port, "btcpay", "accepted")).isEqualTo(accepted + 1);
        assertThat(WebhookCounters.scraped(port, "btcpay", "duplicate")).isEqualTo(duplicate + 1);
        assertThat(WebhookCounters.scraped(port, "btcpay", "failed")).isEqualTo(failed + 1);
    }
}
