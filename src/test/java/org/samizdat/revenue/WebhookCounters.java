package org.samizdat.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code samizdat_webhooks_total} from the Prometheus endpoint as a scraper with the operator's token does. */
public final class WebhookCounters {

    /** The token the metrics tests run with ({@code samizdat.metrics.token}). */
    public static final String TOKEN = "webhook-metrics-token";

    private WebhookCounters() {
    }

    public static double scraped(int port, String provider, String outcome) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/newsroom/actuator/prometheus"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher line = Pattern.compile("(?m)^samizdat_webhooks_total\\{([^}]*)\\} (\\S+)$").matcher(response.body());
        while (line.find()) {
            if (line.group(1).contains("outcome=\"" + outcome + "\"")
                    && line.group(1).contains("provider=\"" + provider + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError("No samizdat_webhooks_total for " + provider + "/" + outcome + " in:\n" + response.body());
    }
}
