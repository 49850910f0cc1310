package org.samizdat.revenue.stripe;

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
        return ProviderStubs.deliver(port, "/support/webhooks/stripe", body, "Stripe-Signature", signatureHeader,
                "User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
    }
}
