package org.samizdat.content.web.newsroom;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.samizdat.content.StoryPaths;
import org.samizdat.content.StoryStatus;
import org.samizdat.content.internal.BodyRenderer;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryFilter;
import org.samizdat.content.internal.StoryRepository;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.NotFound;
import org.samizdat.staff.FieldErrors;
import org.samizdat.staff.NewsroomPage;
import org.samizdat.staff.StaffMember;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Loads what the story editor shows and checks the form's choices against the catalogue. */
@Component
class EditorViews {

    private static final Set<String> NOTICES = Set.of("saved", "published", "scheduled", "withdrawn", "unscheduled",
            "restored");

    private final StoryRepository stories;
    private final CatalogRepository catalog;
    private final BodyRenderer renderer;
    private final ZoneId zone;

    EditorViews(StoryRepository stories, CatalogRepository catalog, BodyRenderer renderer,
            @Value("${samizdat.newsroom.zone:Europe/Riga}") ZoneId zone) {
        this.stories = stories;
        this.catalog = catalog;
        this.renderer = renderer;
        this.zone = zone;
    }

    /** The story, if it exists (404 otherwise) and this staff member may edit it (403 otherwise). */
    StoryDraft editable(long id, StaffMember who) {
        StoryDraft story = stories.find(id).orElseThrow(NotFound::new);
        if (!who.mayEdit(story.createdBy())) {
            throw new AccessDeniedException("Not this author's story");
        }
        return story;
    }

    void checkChoices(StoryForm form, FieldErrors errors) {
        if (errors.has("sectionId") || errors.has("authorIds") || errors.has("translationId")
                || errors.has("leadMediaId") || errors.has("language")) {
            return;
        }
        Long section = form.number(form.sectionId());
        if (section != null && catalog.section(section).isEmpty()) {
            errors.add("sectionId", "newsroom.error.choose");
        }
        for (String author : form.authorIds()) {
            if (catalog.author(Long.parseLong(author)).isEmpty()) {
                errors.add("authorIds", "newsroom.error.choose");
            }
        }
        Long translation = form.number(form.translationId());
        if (translation != null && stories.find(translation)
                .filter(t -> t.language() != Language.of(form.language())).isEmpty()) {
            errors.add("translationId", "newsroom.story.translationLanguage");
        }
        Long mediaId = form.number(form.leadMediaId());
        if (mediaId != null && !catalog.mediaExists(mediaId)) {
            errors.add("leadMediaId", "newsroom.error.choose");
        }
    }

    String preview(StoryForm form) {
        return renderer.render(form.body());
    }

    String editor(Model model, NewsroomPage page, StoryDraft story, StoryForm form, FieldErrors errors,
            String preview, String done) {
        Language language = Language.fromCode(form.language()).orElse(Language.EN);
        model.addAttribute("story", story);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("preview", preview);
        model.addAttribute("notice", done != null && NOTICES.contains(done) ? page.t().get("newsroom.story.done." + done) : null);
        model.addAttribute("base", story == null ? "/newsroom/stories/new" : "/newsroom/stories/" + story.id());
        model.addAttribute("livePath", story != null && story.status() == StoryStatus.PUBLISHED
                ? StoryPaths.story(story.language(), story.slug()) : null);
        model.addAttribute("sections", catalog.sections());
        model.addAttribute("authors", catalog.authors());
        model.addAttribute("translations", stories.list(new StoryFilter(language.other(), null, null, null, null), 200, 0));
        model.addAttribute("zone", zone.getId());
        model.addAttribute("statuses", List.of(StoryStatus.values()));
        return "newsroom/editor";
    }
}
