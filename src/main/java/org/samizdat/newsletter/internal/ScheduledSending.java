package org.samizdat.newsletter.internal;

import java.time.Clock;
import org.samizdat.cluster.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends scheduled editions when their time comes: every node looks every few seconds, and {@link ClusterJobs} lets
 * one of them freeze each edition (the freeze itself also happens only while the draft is still scheduled for that
 * time, so an editor's cancel wins). The schedule lives in the database and survives restarts.
 */
@Component
class ScheduledSending {

    static final String JOB = "edition-send";

    private static final Logger log = LoggerFactory.getLogger(ScheduledSending.class);

    private final Editions editions;
    private final ClusterJobs jobs;
    private final Clock clock;

    ScheduledSending(Editions editions, ClusterJobs jobs, Clock clock) {
        this.editions = editions;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${samizdat.newsletter.schedule.initial-delay:5s}",
            fixedDelayString = "${samizdat.newsletter.schedule.interval:15s}")
    void poll() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Scheduled editions could not be sent: {}", e.getClass().getSimpleName());
        }
    }

    /** Freezes every scheduled edition whose time has come; returns how many this node froze. */
    int sendDue() {
        int sent = 0;
        for (EditionRepository.Due due : editions.dueForSending(clock.instant())) {
            int[] queued = {-1};
            jobs.runOnce(JOB, due.id() + "@" + due.sendAt(), () -> queued[0] = editions.sendScheduled(due.id(), due.sendAt()));
            if (queued[0] >= 0) {
                log.info("Scheduled edition {} is being sent to {} subscribers", due.id(), queued[0]);
                sent++;
            }
        }
        return sent;
    }
}
