package org.samizdat.newsletter.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.samizdat.mail.MailFailed;
import org.springframework.stereotype.Component;

/**
 * The newsletter's Prometheus metrics: messages sent ({@code rate()} of the counter is the send rate) and their
 * bytes, messages
 * failed by kind, the queue depth (queued deliveries, read at most once a second), bounces and complaints
 * received, and webhook deliveries refused by reason.
 */
@Component
public class SendingMetrics {

    private static final long DEPTH_EVERY_NANOS = 1_000_000_000L;

    private final MeterRegistry registry;
    private final Counter sent;
    private final Counter bytes;
    private final SuppressionRepository repository;
    private final AtomicLong depth = new AtomicLong();
    private volatile long depthReadAt;

    SendingMetrics(MeterRegistry registry, SuppressionRepository repository) {
        this.registry = registry;
        this.repository = repository;
        this.sent = Counter.builder("newsletter.messages.sent").description("Newsletter messages the relay accepted")
                .register(registry);
        this.bytes = Counter.builder("newsletter.messages.sent.bytes").baseUnit("bytes")
                .description("Size of the newsletter messages the relay accepted").register(registry);
        for (MailFailed.Kind kind : MailFailed.Kind.values()) {
            if (kind != MailFailed.Kind.FENCED) {
                failedCounter(kind);
            }
        }
        for (BounceReport.Kind kind : BounceReport.Kind.values()) {
            feedbackCounter(kind);
        }
        Gauge.builder("newsletter.deliveries.pending", this, SendingMetrics::queueDepth)
                .description("Deliveries queued and not yet sent").register(registry);
    }

    void sent(int size) {
        sent.increment();
        bytes.increment(size);
    }

    /** A send that did not go through; a fenced one (another worker took the row over) is no failure. */
    void failed(MailFailed.Kind kind) {
        if (kind != MailFailed.Kind.FENCED) {
            failedCounter(kind).increment();
        }
    }

    void feedback(BounceReport.Kind kind) {
        feedbackCounter(kind).increment();
    }

    /** A webhook delivery refused (bad signature, stale, too large, malformed): a short reason, no payload. */
    public void webhookRefused(String source, String reason) {
        Counter.builder("newsletter.webhooks.refused").description("Bounce webhook deliveries refused")
                .tag("source", source).tag("reason", reason).register(registry).increment();
    }

    private Counter failedCounter(MailFailed.Kind kind) {
        return Counter.builder("newsletter.messages.failed").description("Newsletter sends that did not go through")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    private Counter feedbackCounter(BounceReport.Kind kind) {
        return Counter.builder("newsletter.feedback.received").description("Bounces and complaints received")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    private double queueDepth() {
        long now = System.nanoTime();
        if (now - depthReadAt > DEPTH_EVERY_NANOS) {
            depthReadAt = now;
            try {
                depth.set(repository.queued());
            } catch (RuntimeException e) {
                return depth.get();
            }
        }
        return depth.get();
    }
}
