package org.samizdat.revenue.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.samizdat.shared.web.Json;
import org.springframework.stereotype.Component;

/**
 * Sends test-mode outcomes the way a real provider does: a JSON event POSTed over HTTP to this application's
 * own webhook endpoint, signed {@code t=<unix seconds>,v1=<HMAC-SHA-256 of "t.body">} in
 * {@code Samizdat-Signature}, so the receiving side is exercised exactly like a real provider's.
 */
@Component
class TestWebhooks {

    static final String HEADER = "Samizdat-Signature";
    static final String PATH = "/support/test-webhook";
    static final String PURPOSE = "test-webhook";

    private final RevenueSecret secret;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestWebhooks(RevenueSecret secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    /** A new event of the type with these fields (and a fresh event id). */
    static Map<String, Object> event(String type, Map<String, Object> fields) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_" + UUID.randomUUID());
        event.put("type", type);
        event.putAll(fields);
        return event;
    }

    String body(Map<String, Object> event) {
        return Json.write(event);
    }

    String signature(String body, long timestamp) {
        return "t=" + timestamp + ",v1=" + secret.sign(PURPOSE, timestamp + "." + body);
    }

    /** POSTs the event to the app listening on the port; returns the HTTP status it answered. */
    int deliver(int port, Map<String, Object> event) {
        String body = body(event);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header(HEADER, signature(body, clock.instant().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 503;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 503;
        }
    }
}
