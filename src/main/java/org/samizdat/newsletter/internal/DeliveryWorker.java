package org.samizdat.newsletter.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.samizdat.mail.MailConnection;
import org.samizdat.mail.MailFailed;
import org.samizdat.mail.MailProperties;
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
 * rate. Each thread leases a batch of rows ({@link DeliveryBatches}, {@code FOR UPDATE SKIP LOCKED}), so threads on
 * any number of nodes share the queue without taking each other's rows. Exactly-once: a row becomes its batch's row
 * in flight (committed, only if this thread still holds the batch) after the whole message went to the relay and
 * before the final dot that makes the relay accept it; SENT after the relay's 250. A queued row that was never in
 * flight was never accepted and is sent again after the lease; a row left in flight may have been accepted and is
 * settled as UNCONFIRMED, never resent. While the relay cannot be reached at all, a thread gives its batch back with
 * no attempt counted and waits (doubling up to {@code backoff}), so an outage fails no row however long it lasts. On
 * shutdown each thread finishes the message in hand and gives the rest back.
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    /** Longer than the relay's reply timeout, so a message in hand gets its answer before the process ends. */
    private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(35);
    /** Failures to open a connection at all: the relay is down or unreachable, no message is at fault. */
    private static final Set<String> UNREACHABLE = Set.of("ConnectException", "NoRouteToHostException",
            "UnknownHostException");

    private final DeliveryRepository deliveries;
    private final DeliveryBatches batches;
    private final Fences fences;
    private final EditionRepository editions;
    private final SubscriptionRepository subscriptions;
    private final SignUps signUps;
    private final EditionMails mails;
    private final SendingEditions sendingEditions;
    private final Mailer mailer;
    private final TransactionTemplate transactions;
    private final SendingProperties properties;
    private final Clock clock;
    private final RateLimit rate;
    private final SendingMetrics metrics;
    private final String domain;
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;

    DeliveryWorker(DeliveryRepository deliveries, DeliveryBatches batches, Fences fences, EditionRepository editions,
            SubscriptionRepository subscriptions, SignUps signUps, EditionMails mails, SendingEditions sendingEditions,
            Mailer mailer, MailProperties mail, TransactionTemplate transactions, SendingProperties properties, Clock clock,
            SendingMetrics metrics) {
        this.deliveries = deliveries;
        this.batches = batches;
        this.domain = mail.domain();
        this.fences = fences;
        this.editions = editions;
        this.subscriptions = subscriptions;
        this.signUps = signUps;
        this.mails = mails;
        this.sendingEditions = sendingEditions;
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
        stopping.countDown();
        for (Thread thread : threads) {
            thread.join(SHUTDOWN_PATIENCE.toMillis());
        }
        threads.clear();
    }

    private void loop() {
        String worker = UUID.randomUUID().toString();
        Duration pause = Duration.ZERO;
        try (MailConnection connection = mailer.connect()) {
            while (running) {
                try {
                    int claimed = pass(worker, connection);
                    if (claimed < 0) {
                        pause = pause.isZero() ? properties.interval() : min(pause.multipliedBy(2), properties.backoff());
                        log.warn("The mail relay cannot be reached; sending waits {} s", pause.toSeconds());
                        stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
                    } else {
                        pause = Duration.ZERO;
                        if (claimed == 0) {
                            stopping.await(properties.interval().toMillis(), TimeUnit.MILLISECONDS);
                        }
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

    /** A leased batch with everything its mails need, read in the lease's one transaction. */
    private record Batch(DeliveryBatches.Lease lease, List<DeliveryRepository.Claimed> rows,
            Map<Long, Subscription> subscriptions, Map<Long, SignUps.Links> links) {

        /** The row's subscription when it is still to be sent to (active, with its links), else null. */
        Subscription sendable(DeliveryRepository.Claimed row) {
            Subscription subscription = subscriptions.get(row.subscriptionId());
            return subscription != null && subscription.active() && links.containsKey(row.subscriptionId())
                    ? subscription : null;
        }
    }

    /** What became of a row: go on with the batch, stop it (rows not reached go back), or the relay is unreachable. */
    private enum Next { ON, STOP, UNREACHABLE }

    /** One lease and its sends; returns how many rows were due, or -1 when the relay could not be reached. */
    int pass(String worker, MailConnection connection) {
        Instant now = clock.instant();
        Batch batch = transactions.execute(status -> lease(worker, now));
        if (batch == null) {
            editions.finishDone();
            return 0;
        }
        List<Long> confirmed = new ArrayList<>();
        Next next = Next.ON;
        List<DeliveryRepository.Claimed> rows = batch.rows();
        try {
            for (int i = 0; i < rows.size(); i++) {
                next = running ? deliver(rows.get(i), i + 1 < rows.size() ? rows.get(i + 1) : null, batch, worker,
                        connection, confirmed) : Next.STOP;
                if (next != Next.ON) {
                    break;
                }
            }
        } finally {
            connection.withdrawNext();
            transactions.executeWithoutResult(status -> {
                Instant end = clock.instant();
                deliveries.sent(confirmed, end, domain);
                batches.giveBack(batch.lease(), worker, end);
            });
        }
        return next == Next.UNREACHABLE ? -1 : Math.max(1, batch.rows().size());
    }

    private Batch lease(String worker, Instant now) {
        Optional<DeliveryBatches.Lease> lease = batches.lease(worker, now, now.plus(properties.lease()),
                properties.batch());
        if (lease.isEmpty()) {
            return null;
        }
        List<DeliveryRepository.Claimed> rows = deliveries.due(lease.get(), now);
        if (rows.isEmpty()) {
            return new Batch(lease.get(), rows, Map.of(), Map.of());
        }
        Map<Long, Subscription> found = subscriptions.findAll(
                rows.stream().map(DeliveryRepository.Claimed::subscriptionId).collect(Collectors.toSet()));
        List<Long> active = found.values().stream().filter(Subscription::active).map(Subscription::id).toList();
        return new Batch(lease.get(), rows, found, signUps.links(active, now));
    }

    /**
     * Sends one row. Rows the relay accepted join {@code confirmed}, which the next fence (or the end of the batch)
     * marks SENT. The following row's address, when it is to be sent, goes to the relay with this row's final dot.
     */
    private Next deliver(DeliveryRepository.Claimed row, DeliveryRepository.Claimed following, Batch batch,
            String worker, MailConnection connection, List<Long> confirmed) {
        Optional<EditionMails.Prepared> edition = sendingEditions.sending(row.editionId());
        if (edition.isEmpty()) {
            return Next.STOP;
        }
        Subscription subscription = batch.sendable(row);
        if (subscription == null) {
            deliveries.finish(row.id(), DeliveryRepository.SKIPPED, null);
            return Next.ON;
        }
        SignUps.Links links = batch.links().get(row.subscriptionId());
        Subscription next = following == null ? null : batch.sendable(following);
        String messageId = mailer.messageId("e" + row.editionId() + ".d" + row.id());
        rate.acquire();
        try {
            int size = connection.send(edition.get().mass(), subscription.email(),
                    List.of(links.unsubscribe(), links.preferences()), mails.headers(links.unsubscribe()), messageId,
                    () -> {
                        boolean held = fences.fence(batch.lease().id(), row.id(), worker, confirmed);
                        confirmed.clear();
                        if (!held) {
                            throw new IllegalStateException("Claim lost");
                        }
                    }, next == null ? null : next.email());
            confirmed.add(row.id());
            metrics.sent(size);
        } catch (MailFailed e) {
            if (e.kind() == MailFailed.Kind.TEMPORARY && UNREACHABLE.contains(e.reason())) {
                return Next.UNREACHABLE;
            }
            return failed(row, batch.lease(), e);
        } catch (IllegalArgumentException e) {
            deliveries.finish(row.id(), DeliveryRepository.FAILED, "invalid");
        }
        return Next.ON;
    }

    private Next failed(DeliveryRepository.Claimed row, DeliveryBatches.Lease lease, MailFailed e) {
        metrics.failed(e.kind());
        if (e.kind() == MailFailed.Kind.FENCED) {
            if (deliveries.skipEnded(row.id())) {
                log.info("Delivery {} skipped: its subscription ended", row.id());
                return Next.ON;
            }
            log.info("Delivery batch {} was taken over by another worker or its edition stopped", lease.id());
            return Next.STOP;
        }
        transactions.executeWithoutResult(status -> {
            switch (e.kind()) {
                case UNCERTAIN -> deliveries.finish(row.id(), DeliveryRepository.UNCONFIRMED, e.reason());
                case PERMANENT -> deliveries.finish(row.id(), DeliveryRepository.FAILED, e.reason());
                default -> {
                    if (row.attempts() >= properties.maxAttempts()) {
                        deliveries.finish(row.id(), DeliveryRepository.FAILED, e.reason());
                    } else {
                        Duration wait = properties.backoff().multipliedBy(1L << Math.min(row.attempts() - 1, 16));
                        deliveries.retry(row.id(), clock.instant().plus(wait), e.reason());
                    }
                }
            }
            batches.landed(lease.id(), row.id());
        });
        log.warn("Delivery {} not sent (attempt {}): {} {}", row.id(), row.attempts(), e.kind(), e.reason());
        return Next.ON;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
