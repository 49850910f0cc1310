package org.samizdat.revenue.checkout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Counts what became of each webhook delivery, per provider, as {@code samizdat_webhooks_total{provider,outcome}}
 * at the Prometheus endpoint, so an operator sees failing or forged deliveries before donors notice. Outcomes:
 * {@code accepted} (applied or ignored, 2xx), {@code duplicate} (seen before, 2xx), {@code rejected_signature},
 * {@code rejected_payload} (4xx, never retried) and {@code failed} (5xx, the provider retries).
 */
@Component
public final class WebhookOutcomes {

    /** The outcomes counted, as in the {@code outcome} tag. */
    public enum Outcome { ACCEPTED, DUPLICATE, REJECTED_SIGNATURE, REJECTED_PAYLOAD, FAILED }

    static final String METER = "samizdat.webhooks";

    private final MeterRegistry registry;

    WebhookOutcomes(MeterRegistry registry) {
        this.registry = registry;
        for (String provider : List.of("stripe", "btcpay", "test")) {
            for (Outcome outcome : Outcome.values()) {
                counter(provider, outcome);
            }
        }
    }

    public void count(String provider, Outcome outcome) {
        counter(provider, outcome).increment();
    }

    private Counter counter(String provider, Outcome outcome) {
        return Counter.builder(METER).description("Webhook deliveries by provider and outcome")
                .tag("provider", provider).tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry);
    }
}
