package org.samizdat.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.content.internal.WorkflowRefused;
import org.samizdat.shared.Language;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffMember;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The publishing workflow's rules, against the real database. */
@AppTest
@RecordApplicationEvents
class StoryWorkflowTest {

    static final StaffMember EDITOR = new StaffMember(1, "editor", "Editor", Role.EDITOR);
    static final StaffMember AUTHOR = new StaffMember(2, "author", "Author", Role.AUTHOR);
    static final StaffMember OTHER_AUTHOR = new StaffMember(3, "other", "Other", Role.AUTHOR);

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    StoryRepository repository;

    @Autowired
    Stories stories;

    @Autowired
    ApplicationEvents events;

    static StoryDraft draft(Long id, Language language, String slug, String headline) {
        return new StoryDraft(id, language, slug, headline, "Standfirst", "Body", null, null, null, null,
                List.of("Border", "Army"), List.of(), null, null, null, null, null, null, null, null, false);
    }

    @Test
    void slugsAreUniquePerLanguageButMayRepeatAcrossLanguages() {
        long a = workflow.save(draft(null, Language.EN, "same-slug", "First"), EDITOR);
        long b = workflow.save(draft(null, Language.EN, "same-slug", "Second"), EDITOR);
        long c = workflow.save(draft(null, Language.RU, "same-slug", "Третий"), EDITOR);
        assertThat(repository.find(a).orElseThrow().slug()).isEqualTo("same-slug");
        assertThat(repository.find(b).orElseThrow().slug()).isEqualTo("same-slug-2");
        assertThat(repository.find(c).orElseThrow().slug()).isEqualTo("same-slug");
    }

    @Test
    void changedSlugKeepsTheOldAddressAsARedirect() {
        long id = workflow.save(draft(null, Language.EN, "old-address", "Moving story"), EDITOR);
        workflow.publish(id, EDITOR);
        workflow.save(draft(id, Language.EN, "new-address", "Moving story"), EDITOR);
        assertThat(stories.story(Language.EN, "new-address")).isPresent();
        assertThat(stories.story(Language.EN, "old-address")).isEmpty();
        assertThat(stories.movedTo(Language.EN, "old-address")).contains("/en/stories/new-address");
        long taker = workflow.save(draft(null, Language.EN, "old-address", "Wants the old slug"), EDITOR);
        assertThat(repository.find(taker).orElseThrow().slug()).isEqualTo("old-address-2");
    }

    @Test
    void publishingAndWithdrawingAnnounceEventsAndChangeVisibility() {
        long id = workflow.save(draft(null, Language.EN, null, "Event story"), EDITOR);
        assertThat(stories.story(Language.EN, "event-story")).isEmpty();
        workflow.publish(id, EDITOR);
        assertThat(stories.story(Language.EN, "event-story")).isPresent();
        assertThat(events.stream(StoryPublished.class).filter(e -> e.storyId() == id))
                .singleElement().satisfies(e -> {
                    assertThat(e.slugs()).contains("event-story");
                    assertThat(e.tagSlugs()).containsExactlyInAnyOrder("army", "border");
                });
        workflow.save(draft(id, Language.EN, null, "Event story, updated"), EDITOR);
        assertThat(events.stream(StoryChanged.class).filter(e -> e.storyId() == id)).hasSize(1);
        workflow.withdraw(id, EDITOR);
        assertThat(events.stream(StoryWithdrawn.class).filter(e -> e.storyId() == id)).hasSize(1);
        assertThat(stories.story(Language.EN, "event-story")).isEmpty();
    }

    @Test
    void authorsWriteOwnDraftsButCannotPublish() {
        long id = workflow.save(draft(null, Language.EN, null, "Author draft"), AUTHOR);
        workflow.save(draft(id, Language.EN, null, "Author draft, revised"), AUTHOR);
        assertThatThrownBy(() -> workflow.publish(id, AUTHOR)).isInstanceOf(WorkflowRefused.class);
        assertThatThrownBy(() -> workflow.save(draft(id, Language.EN, null, "Hijack"), OTHER_AUTHOR))
                .isInstanceOf(WorkflowRefused.class);
        workflow.publish(id, EDITOR);
        assertThatThrownBy(() -> workflow.save(draft(id, Language.EN, null, "Edit live"), AUTHOR))
                .isInstanceOf(WorkflowRefused.class);
    }

    @Test
    void everySaveIsARevisionAndAnyCanBeRestored() {
        long id = workflow.save(draft(null, Language.EN, null, "Version one"), EDITOR);
        workflow.save(draft(id, Language.EN, null, "Version two"), EDITOR);
        var revisions = repository.revisions(id);
        assertThat(revisions).extracting(r -> r.headline()).containsExactly("Version two", "Version one");
        workflow.restore(id, revisions.get(1).id(), EDITOR);
        assertThat(repository.find(id).orElseThrow().headline()).isEqualTo("Version one");
        assertThat(repository.revisions(id)).hasSize(3);
    }

    @Test
    void translationsAreLinkedBothWays() {
        long en = workflow.save(draft(null, Language.EN, null, "Drills in the north"), EDITOR);
        long ru = workflow.save(new StoryDraft(null, Language.RU, null, "Учения на севере", "", "Текст", null, null,
                null, null, List.of(), List.of(), en, null, null, null, null, null, null, null, false), EDITOR);
        workflow.publish(en, EDITOR);
        workflow.publish(ru, EDITOR);
        assertThat(stories.story(en).orElseThrow().translationPath()).isEqualTo("/ru/stories/ucheniya-na-severe");
        assertThat(stories.story(ru).orElseThrow().translationPath()).isEqualTo("/en/stories/drills-in-the-north");
    }

    @Test
    void scheduledStoryGoesLiveOnTimeAndOnlyOnce() throws InterruptedException {
        long id = workflow.save(draft(null, Language.EN, null, "Scheduled story"), EDITOR);
        assertThatThrownBy(() -> workflow.schedule(id, Instant.now().minusSeconds(60), EDITOR))
                .isInstanceOf(WorkflowRefused.class);
        Instant at = Instant.now().plusSeconds(1);
        workflow.schedule(id, at, EDITOR);
        assertThat(stories.story(Language.EN, "scheduled-story")).isEmpty();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (stories.story(Language.EN, "scheduled-story").isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(stories.story(Language.EN, "scheduled-story")).isPresent();
        assertThat(workflow.publishDue()).isZero();
        StoryDraft live = repository.find(id).orElseThrow();
        assertThat(live.status()).isEqualTo(StoryStatus.PUBLISHED);
        assertThat(live.publishedAt()).isEqualTo(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
