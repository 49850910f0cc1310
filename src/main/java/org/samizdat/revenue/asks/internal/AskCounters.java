package org.samizdat.revenue.asks.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.samizdat.revenue.DonationCompleted;
import org.samizdat.revenue.asks.Ask;
import org.samizdat.revenue.asks.AskEvent;
import org.samizdat.shared.Sha256;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts what readers' browsers report about asks, one row per variant, event and day, and nothing about the
 * reader. Client addresses are only held in memory, hashed with a key that lives as long as the process, to
 * limit how many reports one address may send per minute.
 */
@Service
public class AskCounters {

    /** What became of one report. */
    public enum Outcome { COUNTED, UNKNOWN, TOO_MANY }

    private final AskRepository repository;
    private final Clock clock;
    private final int perMinute;
    private final String salt = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final Cache<String, AtomicInteger> clients = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100_000).build();

    AskCounters(AskRepository repository, Clock clock, AskSettings settings) {
        this.repository = repository;
        this.clock = clock;
        this.perMinute = settings.beaconsPerMinute();
    }

    /** Counts a report from a reader's browser about a variant, unless the variant is unknown or the client over its limit. */
    @Transactional
    public Outcome report(long askId, AskEvent event, String clientAddress) {
        if (clients.get(Sha256.hex(salt + clientAddress), k -> new AtomicInteger()).incrementAndGet() > perMinute) {
            return Outcome.TOO_MANY;
        }
        if (!repository.exists(askId)) {
            return Outcome.UNKNOWN;
        }
        repository.count(askId, event, today());
        return Outcome.COUNTED;
    }

    /** Counts a completed donation for the variant named in it, if it is one. */
    @Transactional
    public void completed(String ask) {
        if (ask != null && ask.matches("[0-9]{1,18}") && repository.exists(Long.parseLong(ask))) {
            repository.count(Long.parseLong(ask), AskEvent.COMPLETED, today());
        }
    }

    /** A donation made through an ask's dialog counts as that variant's completion, once the ledger has committed it. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(DonationCompleted donation) {
        completed(donation.ask());
    }

    /** Totals per variant since the day given. */
    @Transactional(readOnly = true)
    public List<AskReportRow> report(List<Ask> asks, LocalDate since) {
        return AskReportRow.rows(asks, repository.totals(since));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Forgets every client's count; for tests that need a fresh limit. */
    public void clearLimits() {
        clients.invalidateAll();
    }
}
