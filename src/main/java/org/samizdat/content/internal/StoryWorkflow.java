package org.samizdat.content.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.samizdat.content.StoryChanged;
import org.samizdat.content.StoryEvent;
import org.samizdat.content.StoryPublished;
import org.samizdat.content.StoryStatus;
import org.samizdat.content.StoryWithdrawn;
import org.samizdat.shared.Slugs;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditLog;
import org.samizdat.staff.StaffMember;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The publishing workflow: saving drafts (each save a revision), publishing, scheduling, withdrawing
 * and restoring. It enforces who may do what and announces every change readers can see as an event.
 */
@Service
public class StoryWorkflow {

    private final StoryRepository stories;
    private final CatalogRepository catalog;
    private final BodyRenderer renderer;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditLog audit;

    StoryWorkflow(StoryRepository stories, CatalogRepository catalog, BodyRenderer renderer,
            ApplicationEventPublisher events, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.stories = stories;
        this.catalog = catalog;
        this.renderer = renderer;
        this.events = events;
        this.clock = clock;
    }

    /** Creates or updates a story's text and links; a live story stays live and readers see the change. */
    @Transactional
    public long save(StoryDraft input, StaffMember who) {
        Instant now = clock.instant();
        StoryDraft before = input.id() == null ? null : stories.find(input.id())
                .orElseThrow(() -> new StoryNotFound(input.id()));
        if (before != null) {
            requireMayEdit(who, before);
        }
        String slug = uniqueSlug(input, before);
        long id;
        StoryDraft saved;
        if (before == null) {
            saved = copy(input, null, slug, StoryStatus.DRAFT, null, null, who.id());
            id = stories.insert(saved, now);
        } else {
            saved = copy(input, before.id(), slug, before.status(), before.publishAt(), before.publishedAt(),
                    before.createdBy());
            id = before.id();
            stories.update(saved, now);
            if (!slug.equals(before.slug()) || before.language() != saved.language()) {
                stories.rememberOldSlug(before.language(), before.slug(), id);
            }
        }
        stories.forgetOldSlug(saved.language(), slug);
        stories.setBodyHtml(id, renderer.render(saved.bodyMarkdown()));
        stories.replaceAuthors(id, saved.authorIds().isEmpty() ? List.of() : distinct(saved.authorIds()));
        List<Long> tagIds = new ArrayList<>();
        for (String tag : saved.tags()) {
            if (tag != null && !tag.isBlank()) {
                tagIds.add(catalog.tagId(saved.language(), tag.strip()));
            }
        }
        stories.replaceTags(id, distinct(tagIds));
        if (!Objects.equals(before == null ? null : before.translationId(), saved.translationId())) {
            stories.link(id, saved.translationId());
        }
        stories.addRevision(id, who.id(), before == null ? "created" : "saved", saved, now);
        if (before != null && before.isLive()) {
            announce(id, before, StoryChanged.class);
        }
        return id;
    }

    @Transactional
    public void publish(long id, StaffMember who) {
        requirePublisher(who);
        StoryDraft story = load(id);
        Instant now = clock.instant();
        stories.setStatus(id, StoryStatus.PUBLISHED, null,
                story.publishedAt() == null || story.status() == StoryStatus.WITHDRAWN ? now : story.publishedAt(), now);
        announce(id, story, story.isLive() ? StoryChanged.class : StoryPublished.class);
        audit.record(who, AuditAction.STORY_PUBLISHED, subject(story));
    }

    /** Puts the story live at the given time; the schedule is in the database so it survives restarts. */
    @Transactional
    public void schedule(long id, Instant at, StaffMember who) {
        requirePublisher(who);
        StoryDraft story = load(id);
        if (!at.isAfter(clock.instant())) {
            throw new WorkflowRefused("workflow.scheduleInPast");
        }
        stories.setStatus(id, StoryStatus.SCHEDULED, at.truncatedTo(ChronoUnit.SECONDS), null, clock.instant());
        if (story.isLive()) {
            announce(id, story, StoryWithdrawn.class);
        }
        audit.record(who, AuditAction.STORY_SCHEDULED, subject(story) + " · " + at.truncatedTo(ChronoUnit.SECONDS));
    }

    @Transactional
    public void withdraw(long id, StaffMember who) {
        requirePublisher(who);
        StoryDraft story = load(id);
        stories.setStatus(id, StoryStatus.WITHDRAWN, null, story.publishedAt(), clock.instant());
        if (story.isLive()) {
            announce(id, story, StoryWithdrawn.class);
        }
        audit.record(who, AuditAction.STORY_WITHDRAWN, subject(story));
    }

    /** Back to draft from scheduled or withdrawn; a live story must be withdrawn first. */
    @Transactional
    public void unschedule(long id, StaffMember who) {
        requirePublisher(who);
        StoryDraft story = load(id);
        if (story.status() == StoryStatus.SCHEDULED) {
            stories.setStatus(id, StoryStatus.DRAFT, null, story.publishedAt(), clock.instant());
            audit.record(who, AuditAction.STORY_UNSCHEDULED, subject(story));
        }
    }

    @Transactional
    public void restore(long id, long revisionId, StaffMember who) {
        StoryDraft story = load(id);
        requireMayEdit(who, story);
        Revision r = stories.revision(id, revisionId).orElseThrow(() -> new StoryNotFound(id));
        save(new StoryDraft(id, story.language(), story.slug(), r.headline(), r.standfirst(), r.bodyMarkdown(),
                story.leadMediaId(), r.leadCaption(), r.leadCredit(), story.sectionId(), story.tags(),
                story.authorIds(), story.translationId(), story.status(), story.publishAt(), story.publishedAt(),
                story.updatedAt(), story.createdBy(), story.seoTitle(), story.seoDescription(), story.featured()), who);
        audit.record(who, AuditAction.STORY_RESTORED, subject(story) + " · revision " + revisionId);
    }

    /** Publishes every scheduled story whose time has come; safe to run on several nodes at once. */
    @Transactional
    public int publishDue() {
        Instant now = clock.instant();
        int published = 0;
        for (Long id : stories.dueForPublishing(now)) {
            if (stories.claimScheduled(id, now)) {
                StoryDraft story = load(id);
                announce(id, story, StoryPublished.class);
                audit.record(null, AuditAction.STORY_PUBLISHED, subject(story) + " · scheduled");
                published++;
            }
        }
        return published;
    }

    private void announce(long id, StoryDraft before, Class<? extends StoryEvent> kind) {
        StoryDraft now = load(id);
        LinkedHashSet<String> slugs = new LinkedHashSet<>();
        slugs.add(now.slug());
        slugs.add(before.slug());
        slugs.addAll(stories.oldSlugs(id));
        String section = now.sectionId() == null ? null : catalog.section(now.sectionId()).map(s -> s.slug()).orElse(null);
        List<String> tagSlugs = stories.tagsOf(id).stream().map(t -> t.slug()).toList();
        List<String> authorSlugs = stories.authorsOf(id).stream().map(a -> a.slug()).toList();
        List<String> allSlugs = List.copyOf(slugs);
        List<String> linked = new ArrayList<>();
        for (Long partner : new LinkedHashSet<>(java.util.Arrays.asList(before.translationId(), now.translationId()))) {
            if (partner != null) {
                stories.liveCard(partner).ifPresent(card -> linked.add(card.path()));
            }
        }
        Object event;
        if (kind == StoryPublished.class) {
            event = new StoryPublished(id, now.language(), allSlugs, section, tagSlugs, authorSlugs, linked);
        } else if (kind == StoryChanged.class) {
            event = new StoryChanged(id, now.language(), allSlugs, section, tagSlugs, authorSlugs, linked);
        } else {
            event = new StoryWithdrawn(id, now.language(), allSlugs, section, tagSlugs, authorSlugs, linked);
        }
        events.publishEvent(event);
    }

    private String uniqueSlug(StoryDraft input, StoryDraft before) {
        String wanted = input.slug() == null || input.slug().isBlank()
                ? (before != null ? before.slug() : Slugs.of(input.headline()))
                : Slugs.of(input.slug());
        Long self = before == null ? null : before.id();
        String candidate = wanted;
        for (int n = 2; stories.slugTaken(input.language(), candidate, self); n++) {
            candidate = wanted + "-" + n;
        }
        return candidate;
    }

    private StoryDraft copy(StoryDraft in, Long id, String slug, StoryStatus status, Instant publishAt,
            Instant publishedAt, Long createdBy) {
        return new StoryDraft(id, in.language(), slug, in.headline().strip(), nullToEmpty(in.standfirst()),
                nullToEmpty(in.bodyMarkdown()), in.leadMediaId(), in.leadCaption(), in.leadCredit(), in.sectionId(),
                in.tags(), in.authorIds(), in.translationId(), status, publishAt, publishedAt, null, createdBy,
                in.seoTitle(), in.seoDescription(), in.featured());
    }

    private static String subject(StoryDraft story) {
        return story.headline() + " (#" + story.id() + ", " + story.language().code() + ")";
    }

    private StoryDraft load(long id) {
        return stories.find(id).orElseThrow(() -> new StoryNotFound(id));
    }

    private static void requirePublisher(StaffMember who) {
        if (!who.canPublish()) {
            throw new WorkflowRefused("workflow.notAllowed");
        }
    }

    private static void requireMayEdit(StaffMember who, StoryDraft story) {
        if (!who.mayEdit(story.createdBy()) || (!who.canPublish() && story.status() != StoryStatus.DRAFT)) {
            throw new WorkflowRefused("workflow.notAllowed");
        }
    }

    private static <T> List<T> distinct(List<T> list) {
        return List.copyOf(new LinkedHashSet<>(list));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
