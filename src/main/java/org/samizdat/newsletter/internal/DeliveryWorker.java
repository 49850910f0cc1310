package org.samizdat.newsletter.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.samizdat.mail.MailConnection;
import org.samizdat.mail.MailFailed;
import org.samizdat.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued deliveries on {@code concurrency} threads, each with its own persistent SMTP connection, at a shared
 * rate. Each thread claims small batches with {@code FOR UPDATE SKIP LOCKED} and a lease, so threads on any number
 * of nodes share the queue without taking each other's rows. Exactly-once: a row becomes SENDING (committed, only
 * if this thread still holds it) after the whole message went to the relay and before the final dot that makes the
 * relay accept it; SENT after the relay's 250. A row still QUEUED was never accepted and is sent again after its
 * lease; a row left SENDING may have been accepted and is settled as UNCONFIRMED, never resent.
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryRepository deliveries;
    private final EditionRepository editions;
    private final SubscriptionRepository subscriptions;
    private final SignUps signUps;
    private final EditionMails mails;
    private final Mailer mailer;
    private final TransactionTemplate transactions;
    private final SendingProperties properties;
    private final Clock clock;
    private final RateLimit rate;
    private final SendingMetrics metrics;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    DeliveryWorker(DeliveryRepository deliveries, EditionRepository editions, SubscriptionRepository subscriptions,
            SignUps signUps, EditionMails mails, Mailer mailer, TransactionTemplate transactions,
            SendingProperties properties, Clock clock, SendingMetrics metrics) {
        this.deliveries = deliveries;
        this.editions = editions;
        this.subscriptions = subscriptions;
        this.signUps = signUps;
        this.mails = mails;
        this.mailer = mailer;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.rate = new RateLimit(properties.rate());
        this.metrics = metrics;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        running = true;
        for (int i = 0; i < properties.concurrency(); i++) {
            Thread thread = new Thread(this::loop, "newsletter-sender-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    @EventListener(ContextClosedEvent.class)
    synchronized void stop() throws InterruptedException {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        threads.clear();
    }

    private void loop() {
        String worker = UUID.randomUUID().toString();
        try (MailConnection connection = mailer.connect()) {
            while (running) {
                try {
                    if (pass(worker, connection) == 0) {
                        Thread.sleep(properties.interval().toMillis());
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("Newsletter sending pass failed: {}", e.getClass().getSimpleName());
                    connection.close();
                    sleepQuietly(properties.interval());
                }
            }
        }
    }

    /** One claim and its sends; returns how many rows were claimed. */
    int pass(String worker, MailConnection connection) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> deliveries.settleAbandoned(now));
        List<DeliveryRepository.Claimed> batch = transactions.execute(status ->
                deliveries.claim(properties.batch(), worker, now, now.plus(properties.lease())));
        for (DeliveryRepository.Claimed row : batch) {
            if (!running) {
                deliveries.retry(row.id(), null, null);
                continue;
            }
            deliver(row, worker, connection);
        }
        transactions.executeWithoutResult(status -> editions.finishDone());
        return batch.size();
    }

    private void deliver(DeliveryRepository.Claimed row, String worker, MailConnection connection) {
        Optional<Edition> edition = editions.find(row.editionId());
        if (edition.isEmpty() || !Edition.SENDING.equals(edition.get().status())) {
            deliveries.retry(row.id(), null, null);
            return;
        }
        Optional<Subscription> subscription = subscriptions.find(row.subscriptionId()).filter(Subscription::active);
        if (subscription.isEmpty()) {
            deliveries.finish(row.id(), DeliveryRepository.SKIPPED, null);
            return;
        }
        Instant now = clock.instant();
        String[] links = transactions.execute(status -> new String[] {signUps.unsubscribeToken(row.subscriptionId(), now),
                signUps.preferencesToken(row.subscriptionId(), now)});
        String unsubscribe = links[0];
        String preferences = links[1];
        String messageId = mailer.messageId("e" + row.editionId() + ".d" + row.id());
        rate.acquire();
        try {
            connection.send(mails.mail(edition.get(), subscription.get().email(), unsubscribe, preferences), messageId,
                    () -> {
                        if (!deliveries.fence(row.id(), worker, messageId)) {
                            throw new IllegalStateException("Claim lost");
                        }
                    });
            deliveries.sent(row.id(), clock.instant());
            metrics.sent();
        } catch (MailFailed e) {
            failed(row, e);
        } catch (IllegalArgumentException e) {
            deliveries.finish(row.id(), DeliveryRepository.FAILED, "invalid");
        }
    }

    private void failed(DeliveryRepository.Claimed row, MailFailed e) {
        metrics.failed(e.kind());
        switch (e.kind()) {
            case FENCED -> log.info("Delivery {} was taken over by another worker", row.id());
            case UNCERTAIN -> deliveries.finish(row.id(), DeliveryRepository.UNCONFIRMED, e.reason());
            case PERMANENT -> deliveries.finish(row.id(), DeliveryRepository.FAILED, e.reason());
            case TEMPORARY -> {
                if (row.attempts() >= properties.maxAttempts()) {
                    deliveries.finish(row.id(), DeliveryRepository.FAILED, e.reason());
                } else {
                    Duration wait = properties.backoff().multipliedBy(1L << Math.min(row.attempts() - 1, 16));
                    deliveries.retry(row.id(), clock.instant().plus(wait), e.reason());
                }
            }
        }
        log.warn("Delivery {} not sent (attempt {}): {} {}", row.id(), row.attempts(), e.kind(), e.reason());
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
