package org.samizdat.revenue.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention for checkouts that never completed: after {@code samizdat.revenue.retention.abandoned} (bank
 * transfers: {@code bank-transfer}) an unpaid checkout is deleted with its pending plan and, when nothing else
 * refers to it, the supporter record with the address it holds. Paid donations are never touched.
 */
@Component
class AbandonedCheckouts {

    private static final Logger log = LoggerFactory.getLogger(AbandonedCheckouts.class);
    private static final int BATCH = 200;

    private final DonorRecords records;
    private final LedgerRepository ledger;
    private final RetentionProperties properties;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AbandonedCheckouts(DonorRecords records, LedgerRepository ledger, RetentionProperties properties, AuditLog audit,
            TransactionTemplate transactions, Clock clock) {
        this.records = records;
        this.ledger = ledger;
        this.properties = properties;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Deletes every abandoned checkout past its retention period; returns how many. */
    @Scheduled(fixedDelayString = "${samizdat.revenue.retention.interval:1h}",
            initialDelayString = "${samizdat.revenue.retention.initial-delay:2m}")
    public int purge() {
        Instant now = clock.instant();
        Instant before = now.minus(properties.abandoned());
        Instant bankBefore = now.minus(properties.bankTransfer());
        int deleted = 0;
        List<UUID> batch;
        do {
            batch = records.abandoned(before, bankBefore, BATCH);
            for (UUID id : batch) {
                Boolean gone = transactions.execute(status -> {
                    ledger.lock(id);
                    if (records.paid(id)) {
                        return false;
                    }
                    return records.deleteAbandoned(id);
                });
                if (Boolean.TRUE.equals(gone)) {
                    deleted++;
                }
            }
        } while (batch.size() == BATCH);
        if (deleted > 0) {
            audit.record(null, AuditAction.ABANDONED_CHECKOUTS_DELETED, Integer.toString(deleted));
            log.info("Deleted {} checkouts never paid within their retention period", deleted);
        }
        return deleted;
    }
}
