package org.samizdat.cluster.internal;

import java.time.Clock;
import java.time.Duration;
import org.samizdat.cluster.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims occurrences with an insert into {@code cluster_job_run}, whose primary key lets only one node succeed. On
 * PostgreSQL a second insert of a key whose first insert is not yet committed waits for that commit, then fails (or
 * succeeds if it rolled back); H2 behaves alike or times out. Either way at most one claim of an occurrence commits.
 */
@Component
class DatabaseJobs implements ClusterJobs {

    private static final Logger log = LoggerFactory.getLogger(DatabaseJobs.class);
    private static final Duration KEEP = Duration.ofDays(60);

    private final ClusterJobRepository claims;
    private final TransactionTemplate ownTransaction;
    private final ChangeFeed feed;
    private final Clock clock;

    DatabaseJobs(ClusterJobRepository claims, PlatformTransactionManager transactions, ChangeFeed feed, Clock clock) {
        this.claims = claims;
        this.feed = feed;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public boolean runOnce(String job, String slot, Runnable work) {
        Boolean ran = ownTransaction.execute(status -> {
            if (!tryInsert(job, slot)) {
                status.setRollbackOnly();
                return false;
            }
            work.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }

    @Override
    public boolean claim(String job, String slot) {
        return runOnce(job, slot, () -> { });
    }

    @Override
    public String node() {
        return feed.node();
    }

    private boolean tryInsert(String job, String slot) {
        try {
            claims.insert(job, slot, node());
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        } catch (DataAccessException busy) {
            log.info("Job {} occurrence is being claimed by another node ({})", job, busy.getClass().getSimpleName());
            return false;
        }
    }

    @Scheduled(fixedDelayString = "${samizdat.cluster.cleanup-interval:10m}", initialDelayString = "2m")
    void forgetOldClaims() {
        claims.deleteOlderThan(clock.instant().minus(KEEP));
    }
}
