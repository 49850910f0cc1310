package org.samizdat.revenue.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.PaymentsAppTest;
import org.samizdat.revenue.ProviderStubs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Webhook outcomes per provider, as Prometheus scrapes them with the operator's token. */
@PaymentsAppTest
@TestPropertySource(properties = "samizdat.metrics.token=webhook-metrics-token")
class WebhookMetricsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    double scraped(String provider, String outcome) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/newsroom/actuator/prometheus"))
                .header("Authorization", "Bearer webhook-metrics-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher line = Pattern.compile("(?m)^samizdat_webhooks_total\\{([^}]*)\\} (\\S+)$").matcher(response.body());
        while (line.find()) {
            if (line.group(1).contains("outcome=\"" + outcome + "\"") && line.group(1).contains("provider=\"" + provider + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError("No samizdat_webhooks_total for " + provider + "/" + outcome + " in:\n" + response.body());
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
