package org.samizdat.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.samizdat.newsletter.internal.Editions;
import org.samizdat.newsletter.internal.GenericWebhook;
import org.samizdat.shared.privacy.PersonalData;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The newsletter's metrics as Prometheus reads them, after a real send through an SMTP relay that accepts, refuses
 * and defers, and after a complaint arrives by webhook.
 */
@AppTest
class SendingMetricsTest {

    static final String TOKEN = "metrics-token-for-newsletter";
    static final String SECRET = "metrics-webhook-secret";
    static final ScriptedRelay RELAY = ScriptedRelay.started(false);

    @DynamicPropertySource
    static void relay(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", RELAY::port);
        registry.add("samizdat.mail.from", () -> "newsletter@metrics.test");
        registry.add("samizdat.newsletter.sending.max-attempts", () -> "1");
        registry.add("samizdat.metrics.token", () -> TOKEN);
        registry.add("samizdat.newsletter.bounces.generic-secret", () -> SECRET);
    }

    @AfterAll
    static void stopRelay() throws Exception {
        RELAY.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personal;

    @Autowired
    Editions editions;

    final HttpClient http = HttpClient.newHttpClient();

    String scrape() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/newsroom/actuator/prometheus")).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    static double value(String scraped, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scraped);
        assertThat(m.find()).as(series + " in the scrape").isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void sentFailedQueueDepthAndFeedbackAreScraped() throws Exception {
        String sent = "newsletter_messages_sent_total";
        String permanent = "newsletter_messages_failed_total{kind=\"permanent\"}";
        String temporary = "newsletter_messages_failed_total{kind=\"temporary\"}";
        String complaints = "newsletter_feedback_received_total{kind=\"complaint\"}";
        String before = scrape();
        assertThat(before).contains("newsletter_deliveries_pending ");

        Subscribers subscribers = new Subscribers(jdbc, personal);
        for (String who : List.of("ok1", "ok2", "ok3", "perm", "temp")) {
            subscribers.add(who + "@metrics.example", "weekly-en", "ACTIVE");
        }
        long id = editions.draft("weekly-en", "Measured", "", "", List.of(), null);
        assertThat(editions.sendNow(id)).isEqualTo(5);
        SendingEngineTest.await(() -> "SENT".equals(editions.edition(id).orElseThrow().status()));

        String after = scrape();
        assertThat(value(after, sent) - value(before, sent)).isEqualTo(3.0);
        assertThat(value(after, permanent) - value(before, permanent)).isEqualTo(1.0);
        assertThat(value(after, temporary) - value(before, temporary)).isEqualTo(1.0);
        assertThat(value(after, "newsletter_deliveries_pending")).isZero();

        byte[] body = "{\"id\":\"metrics-1\",\"events\":[{\"type\":\"complaint\",\"email\":\"ok1@metrics.example\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpResponse<String> hook = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/newsletter/webhooks/bounces")).header("X-Samizdat-Timestamp", timestamp)
                .header("X-Samizdat-Signature", "v1=" + HexFormat.of().formatHex(GenericWebhook.sign(SECRET, timestamp, body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hook.statusCode()).isEqualTo(200);
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/newsletter/webhooks/bounces"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        String last = scrape();
        assertThat(value(last, complaints) - value(before, complaints)).isEqualTo(1.0);
        assertThat(value(last, "newsletter_webhooks_refused_total{reason=\"missing\",source=\"generic\"}")).isGreaterThanOrEqualTo(1.0);
    }
}
