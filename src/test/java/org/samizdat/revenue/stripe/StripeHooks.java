package org.samizdat.revenue.stripe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.samizdat.revenue.ProviderStubs;

/** Builds Stripe events from the fixtures, signs them with Stripe's scheme and posts them to our endpoint. */
final class StripeHooks {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    StripeHooks(int port) {
        this.port = port;
    }

    static String unique(String prefix) {
        return prefix + "_Test" + SEQUENCE.incrementAndGet() + "x" + Long.toString(System.nanoTime(), 36);
    }

    /** An event envelope around the fixture {@code object}, filled with {@code values}. */
    static String event(String type, String object, Map<String, ?> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.putIfAbsent("created", Instant.now().getEpochSecond());
        String inner = ProviderStubs.fixture("stripe/" + object + ".json", all);
        all.put("object", inner);
        all.put("type", type);
        all.putIfAbsent("event", unique("evt"));
        return ProviderStubs.fixture("stripe/event.json", all);
    }

    static String header(String body, long timestamp, String secret) {
        byte[] mac = new StripeSignature(secret, Duration.ZERO, Duration.ZERO)
                .sign(timestamp, body.getBytes(StandardCharsets.UTF_8));
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac);
    }

    HttpResponse<String> deliver(String body) {
        return deliver(body, header(body, Instant.now().getEpochSecond(), ProviderStubs.STRIPE_WEBHOOK_SECRET));
    }

    HttpResponse<String> deliver(String body, String signatureHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/support/webhooks/stripe"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signatureHeader != null) {
            request.header("Stripe-Signature", signatureHeader);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
