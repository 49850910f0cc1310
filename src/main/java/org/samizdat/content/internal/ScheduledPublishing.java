package org.samizdat.content.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Checks every few seconds for scheduled stories whose time has come, so a schedule survives restarts. */
@Component
class ScheduledPublishing {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);

    private final StoryWorkflow workflow;

    ScheduledPublishing(StoryWorkflow workflow) {
        this.workflow = workflow;
    }

    @Scheduled(initialDelayString = "${samizdat.scheduler.initial-delay:2s}", fixedDelayString = "${samizdat.scheduler.interval:5s}")
    void publishDue() {
        int published = workflow.publishDue();
        if (published > 0) {
            log.info("Published {} scheduled stories", published);
        }
    }
}
