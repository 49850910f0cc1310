package org.samizdat.site;

import java.util.List;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffMember;

/** Writes, edits, publishes and withdraws stories the way the newsroom does, for page tests. */
record Newsroom(StoryWorkflow workflow, CatalogRepository catalog) {

    static final StaffMember EDITOR = new StaffMember(1, "editor", "Editor", Role.EDITOR);

    long section(String slug) {
        return catalog.sectionBySlug(slug).map(s -> s.id())
                .orElseGet(() -> catalog.saveSection(null, slug, "Section " + slug, "Раздел " + slug, 9));
    }

    long author(String slug) {
        return catalog.authorBySlug(slug).map(a -> a.id()).orElseGet(() -> catalog.saveAuthor(null, slug, "Author " + slug, null, null));
    }

    long draft(Long id, String headline, Long sectionId, String tag, Long authorId) {
        return workflow.save(new StoryDraft(id, Language.EN, null, headline, "A standfirst", "Body text",
                null, null, null, sectionId, List.of(tag), authorId == null ? List.of() : List.of(authorId),
                null, null, null, null, null, null, null, null, false), EDITOR);
    }

    long publish(String headline, Long sectionId, String tag, Long authorId) {
        long id = draft(null, headline, sectionId, tag, authorId);
        workflow.publish(id, EDITOR);
        return id;
    }

    void withdraw(long id) {
        workflow.withdraw(id, EDITOR);
    }
}
