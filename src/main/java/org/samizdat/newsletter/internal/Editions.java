package org.samizdat.newsletter.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.samizdat.content.PublishedStory;
import org.samizdat.content.Stories;
import org.samizdat.mail.Mailer;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.PagesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editions: an editor's draft (stories in order, intro, subject, preheader), its preview and test mail, and
 * sending: freezing the edition writes one delivery row per active subscriber, which {@link DeliveryWorker}s send.
 */
@Service
public class Editions {

    private final EditionRepository editions;
    private final DeliveryRepository deliveries;
    private final DeliveryBatches batches;
    private final SubscriptionRepository subscriptions;
    private final EditionMails mails;
    private final Mailer mailer;
    private final Stories stories;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Editions(EditionRepository editions, DeliveryRepository deliveries, DeliveryBatches batches,
            SubscriptionRepository subscriptions, EditionMails mails, Mailer mailer, Stories stories, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.editions = editions;
        this.deliveries = deliveries;
        this.batches = batches;
        this.subscriptions = subscriptions;
        this.mails = mails;
        this.mailer = mailer;
        this.stories = stories;
        this.clock = clock;
    }

    /** Creates a draft from published stories of the newsletter's language, in the order given. */
    @Transactional
    public long draft(String newsletterCode, String subject, String preheader, String intro, List<Long> storyIds,
            Long staffId) {
        Newsletter newsletter = subscriptions.newsletters().stream().filter(n -> n.code().equals(newsletterCode))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Unknown newsletter"));
        String cleanSubject = EditionMails.oneLine(subject == null ? "" : subject);
        if (cleanSubject.isEmpty() || cleanSubject.length() > 200) {
            throw new IllegalArgumentException("A subject of 1 to 200 characters is needed");
        }
        List<Edition.Item> items = new ArrayList<>();
        for (Long id : storyIds) {
            PublishedStory story = stories.story(id).filter(s -> s.language() == newsletter.language())
                    .orElseThrow(() -> new IllegalArgumentException("Not a published story of this language"));
            items.add(new Edition.Item(story.id(), story.headline(),
                    story.standfirst() == null ? "" : story.standfirst(), story.path()));
        }
        long id = editions.insert(newsletter.id(), cleanSubject, EditionMails.oneLine(nonNull(preheader)),
                nonNull(intro).strip(), staffId, clock.instant());
        for (int i = 0; i < items.size(); i++) {
            editions.insertItem(id, i, items.get(i));
        }
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<Edition> edition(long id) {
        return editions.find(id);
    }

    /** The edition's HTML as a recipient would see it, with a stand-in unsubscribe link. */
    @Transactional(readOnly = true)
    public Optional<EditionView> preview(long id) {
        return editions.find(id).map(e -> mails.view(e, "#unsubscribe", "#preferences"));
    }

    public String html(EditionView view) {
        return mails.html(view);
    }

    /** Sends the edition to one staff address now; its unsubscribe and preference links work on no subscription. */
    public void sendTest(long id, String to) {
        Edition edition = editions.find(id).orElseThrow();
        mailer.send(mails.mail(edition, to, Tokens.generate(), Tokens.generate()));
    }

    /** Freezes a draft and queues one delivery per active subscriber; returns how many, or -1 if not a draft. */
    @Transactional
    public int sendNow(long id) {
        Edition edition = editions.find(id).orElseThrow();
        if (!editions.freeze(id, clock.instant())) {
            return -1;
        }
        return queue(edition);
    }

    /**
     * Schedules a draft to be frozen and sent by itself at {@code at} (whole seconds), or moves its time. False
     * when the edition is no longer a draft.
     */
    @Transactional
    public boolean schedule(long id, Instant at) {
        return editions.schedule(id, at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Takes a draft off the schedule; false when it was not scheduled (or already went out). */
    @Transactional
    public boolean unschedule(long id) {
        return editions.unschedule(id);
    }

    /** Scheduled drafts whose time has come. */
    @Transactional(readOnly = true)
    public List<EditionRepository.Due> dueForSending(Instant now) {
        return editions.dueForSending(now);
    }

    /**
     * Sends a scheduled draft if it is still scheduled for {@code sendAt}; returns how many deliveries were queued,
     * or -1 when an editor cancelled or moved it, or it went out already.
     */
    @Transactional
    public int sendScheduled(long id, Instant sendAt) {
        Optional<Edition> edition = editions.find(id);
        if (edition.isEmpty() || !editions.freezeScheduled(id, sendAt, clock.instant())) {
            return -1;
        }
        return queue(edition.get());
    }

    private int queue(Edition edition) {
        long id = edition.id();
        String newsletterPage = "/" + edition.newsletter().language().code() + "/newsletter";
        events.publishEvent(new PagesChanged(List.of(newsletterPage, newsletterPage + "/archive")));
        return deliveries.enqueue(id, edition.newsletter().id());
    }

    /** The newest editions of every newsletter, drafts included, for the newsroom. */
    @Transactional(readOnly = true)
    public List<Edition> recent(int limit) {
        return editions.recent(limit).stream().map(editions::find).flatMap(Optional::stream).toList();
    }

    /** Delivery progress: rows per outcome, the rate over the last minute and the time left at that rate. */
    @Transactional(readOnly = true)
    public Optional<Progress> progress(long id) {
        return editions.find(id).map(edition -> {
            Map<String, Integer> counts = deliveries.counts(id);
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            int queued = counts.getOrDefault(DeliveryRepository.QUEUED, 0);
            double rate = deliveries.sentSince(id, clock.instant().minusSeconds(60)) / 60.0;
            long left = queued == 0 ? 0 : rate > 0 ? (long) Math.ceil(queued / rate) : -1;
            return new Progress(edition.status(), total, counts.getOrDefault(DeliveryRepository.SENT, 0),
                    counts.getOrDefault(DeliveryRepository.UNCONFIRMED, 0), counts.getOrDefault(DeliveryRepository.FAILED, 0),
                    counts.getOrDefault(DeliveryRepository.SKIPPED, 0), counts.getOrDefault(DeliveryRepository.CANCELLED, 0),
                    queued, rate, left);
        });
    }

    /** Stops handing out this edition's deliveries; those in flight finish. False unless it was sending. */
    @Transactional
    public boolean pause(long id) {
        return editions.move(id, Edition.SENDING, Edition.PAUSED);
    }

    @Transactional
    public boolean resume(long id) {
        return editions.move(id, Edition.PAUSED, Edition.SENDING);
    }

    /** Stops the edition for good: every delivery still queued is cancelled. */
    @Transactional
    public boolean cancel(long id) {
        boolean stopped = editions.move(id, Edition.SENDING, Edition.CANCELLED)
                || editions.move(id, Edition.PAUSED, Edition.CANCELLED);
        if (stopped) {
            deliveries.cancel(id);
            batches.cancel(id);
        }
        return stopped;
    }

    /** When the newsletter's last edition went out, if any did. */
    @Transactional(readOnly = true)
    public Optional<Instant> lastSent(long newsletterId) {
        return editions.lastSent(newsletterId);
    }

    public List<Newsletter> newsletters() {
        return subscriptions.newsletters();
    }

    /** Sent editions of the language's newsletters, newest first (the public archive). */
    @Transactional(readOnly = true)
    public List<Edition> archive(Language language, int limit) {
        return editions.archive(language, limit).stream().map(editions::find).flatMap(Optional::stream).toList();
    }

    /** A sent edition for the public archive; drafts are not public. */
    @Transactional(readOnly = true)
    public Optional<Edition> sent(long id) {
        return editions.find(id).filter(e -> List.of(Edition.SENDING, Edition.PAUSED, Edition.SENT).contains(e.status()));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
