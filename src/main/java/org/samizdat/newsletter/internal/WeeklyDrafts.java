package org.samizdat.newsletter.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.samizdat.cluster.ClusterJobs;
import org.samizdat.content.StoryStamp;
import org.samizdat.content.Stories;
import org.samizdat.shared.web.Pages;
import org.samizdat.shared.web.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Weekly schedules: at each occurrence of a newsletter's rule the week's edition is drafted from the stories of its
 * language published since its previous edition went out, with subject and preheader filled in, for an editor to
 * approve (send now or at a time). Every node polls; {@link ClusterJobs} lets one of them draft each occurrence.
 */
@Service
public class WeeklyDrafts {

    static final String JOB = "newsletter-draft";
    static final int MAX_STORIES = 20;

    private static final Logger log = LoggerFactory.getLogger(WeeklyDrafts.class);

    private final ScheduleRepository schedules;
    private final Editions editions;
    private final Stories stories;
    private final Pages pages;
    private final ClusterJobs jobs;
    private final Clock clock;

    WeeklyDrafts(ScheduleRepository schedules, Editions editions, Stories stories, Pages pages, ClusterJobs jobs,
            Clock clock) {
        this.schedules = schedules;
        this.editions = editions;
        this.stories = stories;
        this.pages = pages;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<WeeklySchedule> schedule(Newsletter newsletter) {
        return schedules.find(newsletter.id());
    }

    /** Sets (or replaces) the newsletter's rule; the next draft is made at its next occurrence from now. */
    @Transactional
    public WeeklySchedule save(Newsletter newsletter, WeeklyRule rule, Long staffId) {
        Instant now = clock.instant();
        Instant next = rule.nextAfter(now);
        schedules.save(newsletter.id(), rule, next, staffId, now);
        return new WeeklySchedule(newsletter.id(), rule, next);
    }

    @Transactional
    public boolean stop(Newsletter newsletter) {
        return schedules.delete(newsletter.id());
    }

    @Scheduled(initialDelayString = "${samizdat.newsletter.schedule.initial-delay:5s}",
            fixedDelayString = "${samizdat.newsletter.schedule.interval:15s}")
    void poll() {
        try {
            runDue();
        } catch (RuntimeException e) {
            log.warn("Weekly drafts could not run: {}", e.getClass().getSimpleName());
        }
    }

    /** Drafts every occurrence that has come and no node drafted yet; returns how many this node drafted. */
    int runDue() {
        int drafted = 0;
        Instant now = clock.instant();
        for (WeeklySchedule due : schedules.due(now)) {
            String slot = due.newsletterId() + "@" + due.nextRunAt();
            if (jobs.runOnce(JOB, slot, () -> draft(due, now))) {
                drafted++;
            }
        }
        return drafted;
    }

    private void draft(WeeklySchedule due, Instant now) {
        if (!schedules.advance(due.newsletterId(), due.nextRunAt(), due.rule().nextAfter(now))) {
            return;
        }
        Newsletter newsletter = editions.newsletters().stream().filter(n -> n.id() == due.newsletterId()).findFirst()
                .orElseThrow();
        Instant since = editions.lastSent(newsletter.id()).orElse(due.nextRunAt().minus(Duration.ofDays(7)));
        List<StoryStamp> picked = stories.publishedSince(since, 500).stream()
                .filter(s -> s.language() == newsletter.language()).limit(MAX_STORIES).toList();
        if (picked.isEmpty()) {
            log.info("No stories since the last edition of {}; no draft this week", newsletter.code());
            return;
        }
        Texts t = pages.texts(newsletter.language());
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(newsletter.language().locale())
                .withZone(due.rule().zone()).format(due.nextRunAt());
        String subject = t.get("newsletter.weekly.subject", newsletter.name(), date);
        String preheader = picked.stream().limit(3).map(StoryStamp::headline).collect(Collectors.joining(" · "));
        long id = editions.draft(newsletter.code(), cut(subject, 200), cut(preheader, 300), "",
                picked.stream().map(StoryStamp::id).toList(), null);
        log.info("Drafted edition {} of {} for approval ({} stories)", id, newsletter.code(), picked.size());
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }
}
