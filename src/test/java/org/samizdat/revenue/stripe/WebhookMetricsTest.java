package org.samizdat.revenue.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.PaymentsAppTest;
import org.samizdat.revenue.ProviderStubs;
import org.samizdat.revenue.WebhookCounters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Webhook outcomes per provider, as Prometheus scrapes them with the operator's token. */
@PaymentsAppTest
@TestPropertySource(properties = "samizdat.metrics.token=" + WebhookCounters.TOKEN)
class WebhookMetricsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    double scraped(String provider, String outcome) throws Exception {
        return WebhookCounters.scraped(port, provider, outcome);
    }

    @Test
    void everyOutcomeIsCountedPerProvider() throws Exception {
        StripeJourney journey = new StripeJourney(port, jdbc);
        double accepted = scraped("stripe", "accepted");
        double duplicate = scraped("stripe", "duplicate");
        double forged = scraped("stripe", "rejected_signature");
        double garbled = scraped("stripe", "rejected_payload");
        double btcpayForged = scraped("btcpay", "rejected_signature");
        assertThat(scraped("stripe", "failed")).isGreaterThanOrEqualTo(0);

        UUID donation = journey.checkout("once", "9", "USD");
        String paid = StripeJourney.session("checkout.session.completed", donation, 900, "paid", StripeHooks.unique("pi"));
        assertThat(journey.hooks.deliver(paid).statusCode()).isEqualTo(200);
        assertThat(journey.hooks.deliver(paid).statusCode()).isEqualTo(200);
        assertThat(journey.hooks.deliver(paid).statusCode()).isEqualTo(200);
        assertThat(journey.hooks.deliver(paid, StripeHooks.header(paid, Instant.now().getEpochSecond(), "whsec_wrong"))
                .statusCode()).isEqualTo(400);
        assertThat(journey.hooks.deliver("{\"id\": 1}").statusCode()).isEqualTo(400);
        assertThat(ProviderStubs.deliver(port, "/support/webhooks/btcpay", "{}", "BTCPay-Sig", "sha256=00")
                .statusCode()).isEqualTo(401);

        assertThat(scraped("stripe", "accepted")).isEqualTo(accepted + 1);
        assertThat(scraped("stripe", "duplicate")).isEqualTo(duplicate + 2);
        assertThat(scraped("stripe", "rejected_signature")).isEqualTo(forged + 1);
        assertThat(scraped("stripe", "rejected_payload")).isEqualTo(garbled + 1);
        assertThat(scraped("btcpay", "rejected_signature")).isEqualTo(btcpayForged + 1);
    }
}
