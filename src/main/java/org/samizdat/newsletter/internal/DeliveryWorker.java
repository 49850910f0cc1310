package org.samizdat.newsletter.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.samizdat.mail.MailFailed;
import org.samizdat.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued deliveries. Each pass claims a batch with {@code FOR UPDATE SKIP LOCKED} and a lease, so workers
 * on any number of nodes share the queue without sending a row twice; a row whose worker died is claimed again
 * when its lease runs out. Each row is marked SENT right after its mail is accepted by the relay.
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int BATCH = 100;
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final DeliveryRepository deliveries;
    private final EditionRepository editions;
    private final SubscriptionRepository subscriptions;
    private final TokenRepository tokens;
    private final EditionMails mails;
    private final Mailer mailer;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeliveryWorker(DeliveryRepository deliveries, EditionRepository editions, SubscriptionRepository subscriptions,
            TokenRepository tokens, EditionMails mails, Mailer mailer, TransactionTemplate transactions, Clock clock) {
        this.deliveries = deliveries;
        this.editions = editions;
        this.subscriptions = subscriptions;
        this.tokens = tokens;
        this.mails = mails;
        this.mailer = mailer;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${samizdat.newsletter.delivery-interval:2s}",
            initialDelayString = "${samizdat.newsletter.delivery-interval:2s}")
    void run() {
        List<DeliveryRepository.Claimed> batch;
        do {
            Instant now = clock.instant();
            batch = transactions.execute(status -> deliveries.claim(BATCH, now, now.plus(LEASE)));
            for (DeliveryRepository.Claimed row : batch) {
                deliver(row);
            }
        } while (batch.size() == BATCH);
        transactions.executeWithoutResult(status -> editions.finishDone());
    }

    private void deliver(DeliveryRepository.Claimed row) {
        Optional<Subscription> subscription = subscriptions.find(row.subscriptionId()).filter(Subscription::active);
        Optional<Edition> edition = editions.find(row.editionId());
        if (subscription.isEmpty() || edition.isEmpty()) {
            deliveries.finish(row.id(), "SKIPPED", clock.instant());
            return;
        }
        String token = Tokens.generate();
        tokens.insert(Tokens.hash(token), TokenRepository.UNSUBSCRIBE, row.subscriptionId(), null, clock.instant(), null);
        try {
            String preferences = Tokens.generate();
            tokens.insert(Tokens.hash(preferences), TokenRepository.PREFERENCES, row.subscriptionId(), null,
                    clock.instant(), clock.instant().plus(java.time.Duration.ofDays(90)));
            mailer.send(mails.mail(edition.get(), subscription.get().email(), token, preferences));
            deliveries.finish(row.id(), DeliveryRepository.SENT, clock.instant());
        } catch (MailFailed | IllegalArgumentException e) {
            if (row.attempts() + 1 >= MAX_ATTEMPTS || e instanceof IllegalArgumentException) {
                deliveries.finish(row.id(), DeliveryRepository.FAILED, clock.instant());
            } else {
                deliveries.release(row.id(), clock.instant().plusSeconds(30L << row.attempts()));
            }
            log.warn("Delivery {} not sent (attempt {})", row.id(), row.attempts() + 1);
        }
    }
}
