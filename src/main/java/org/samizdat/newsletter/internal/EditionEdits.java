package org.samizdat.newsletter.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.samizdat.content.Stories;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a draft edition after it was created (by an editor or by the weekly schedule): its subject, preheader,
 * intro and stories in order. Only drafts change, a scheduled draft keeps its time, and a save based on an older
 * {@link Edition#version()} is refused so two editors cannot silently overwrite each other.
 */
@Service
public class EditionEdits {

    /** The most stories one edition can carry. */
    public static final int MAX_STORIES = 50;

    /** How a save ended. */
    public enum Outcome {
        SAVED,
        /** Someone else saved the edition since the form was opened. */
        CHANGED,
        /** The edition is being sent or was sent (or cancelled): it no longer changes. */
        FROZEN,
        /** A story is neither in the edition already nor a published story of the newsletter's language. */
        BAD_STORY
    }

    private final EditionRepository editions;
    private final Stories stories;

    EditionEdits(EditionRepository editions, Stories stories) {
        this.editions = editions;
        this.stories = stories;
    }

    /**
     * The item for a story: the copy already in the edition if it is there (so its headline stays as picked), else a
     * fresh copy of a published story of the newsletter's language; empty for anything else.
     */
    @Transactional(readOnly = true)
    public Optional<Edition.Item> item(Edition edition, long storyId) {
        Optional<Edition.Item> kept = edition.items().stream().filter(i -> i.storyId() == storyId).findFirst();
        if (kept.isPresent()) {
            return kept;
        }
        return stories.story(storyId).filter(s -> s.language() == edition.newsletter().language())
                .map(s -> new Edition.Item(s.id(), s.headline(), s.standfirst() == null ? "" : s.standfirst(), s.path()));
    }

    /**
     * Saves a draft's new text and stories if it is still a draft and still at {@code version}. The subject becomes
     * one line (line breaks turn into spaces, as when drafting); lengths are the caller's to check first.
     */
    @Transactional
    public Outcome save(long id, String version, String subject, String preheader, String intro, List<Long> storyIds) {
        if (!editions.lockDraft(id)) {
            return Outcome.FROZEN;
        }
        Edition current = editions.find(id).orElseThrow();
        if (!current.version().equals(version)) {
            return Outcome.CHANGED;
        }
        String cleanSubject = EditionMails.oneLine(subject == null ? "" : subject);
        if (cleanSubject.isEmpty() || cleanSubject.length() > 200 || storyIds.size() > MAX_STORIES) {
            throw new IllegalArgumentException("A subject of 1 to 200 characters and at most 50 stories are needed");
        }
        List<Edition.Item> items = new ArrayList<>();
        for (long storyId : storyIds.stream().distinct().toList()) {
            Optional<Edition.Item> item = item(current, storyId);
            if (item.isEmpty()) {
                return Outcome.BAD_STORY;
            }
            items.add(item.get());
        }
        editions.update(id, cleanSubject, EditionMails.oneLine(preheader == null ? "" : preheader),
                intro == null ? "" : intro.strip(), items);
        return Outcome.SAVED;
    }
}
