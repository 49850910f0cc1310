package org.samizdat.newsletter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.samizdat.content.Stories;
import org.samizdat.content.StoryCard;
import org.samizdat.newsletter.internal.Edition;
import org.samizdat.newsletter.internal.EditionEdits;
import org.samizdat.newsletter.internal.Editions;
import org.samizdat.shared.web.NotFound;
import org.samizdat.staff.FieldErrors;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Editing a draft edition, for editors, with JavaScript off: one form carries the subject, preheader, intro and the
 * stories in order; its buttons move a story up or down, remove it or add ticked recent stories (the page comes back
 * with the change, not yet saved) or save everything at once. Saves are refused once the edition is frozen, and when
 * someone else saved it since the form was opened.
 */
@Controller
@Newsroom
class EditionEditController {

    private static final String EDITIONS = "/newsroom/newsletter/editions/";
    private static final int MAX_FIELDS = 200;

    private final Editions editions;
    private final EditionEdits edits;
    private final Stories stories;
    private final ZoneId zone;

    EditionEditController(Editions editions, EditionEdits edits, Stories stories,
            @Value("${samizdat.newsroom.zone:Europe/Riga}") ZoneId zone) {
        this.editions = editions;
        this.edits = edits;
        this.stories = stories;
        this.zone = zone;
    }

    @GetMapping(EDITIONS + "{id:[0-9]{1,12}}/edit")
    String form(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable long id,
            Model model) {
        editorOnly(page);
        Edition edition = editions.edition(id).orElseThrow(NotFound::new);
        if (!Edition.DRAFT.equals(edition.status())) {
            return "redirect:" + EDITIONS + id + "?done=frozen";
        }
        EditForm form = new EditForm(edition.version(), edition.subject(), edition.preheader(), edition.intro(),
                edition.items());
        return show(page, edition, form, FieldErrors.none(page.t()), null, model);
    }

    @PostMapping(EDITIONS + "{id:[0-9]{1,12}}/edit")
    String edit(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable long id,
            @RequestParam(defaultValue = "") String version, @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String preheader, @RequestParam(defaultValue = "") String intro,
            @RequestParam(name = "story", required = false) List<String> story,
            @RequestParam(name = "add", required = false) List<String> add,
            @RequestParam(defaultValue = "save") String op, Model model, HttpServletResponse response) {
        editorOnly(page);
        Edition edition = editions.edition(id).orElseThrow(NotFound::new);
        FieldErrors errors = new FieldErrors(page.t());
        List<Long> ids = ids(story);
        if (op.equals("add")) {
            ids(add).stream().filter(a -> !ids.contains(a)).forEach(ids::add);
        } else {
            StoryMoves.apply(op, ids);
        }
        List<Edition.Item> items = new ArrayList<>();
        for (long storyId : ids) {
            Optional<Edition.Item> item = edits.item(edition, storyId);
            item.ifPresentOrElse(items::add, () -> errors.add("stories", "newsroom.newsletter.edit.badStory"));
        }
        String typedVersion = version.length() > 64 ? "" : version;
        EditForm form = new EditForm(typedVersion, subject, preheader, intro, items);
        if (!Edition.DRAFT.equals(edition.status())) {
            response.setStatus(409);
            return show(page, edition, form, errors, "frozen", model);
        }
        if (!op.equals("save")) {
            return show(page, edition, form, errors, errors.isEmpty() ? "unsaved" : null, model);
        }
        errors.required("subject", subject).maxLength("subject", subject, 200)
                .maxLength("preheader", preheader, 300).maxLength("intro", intro, 8000);
        if (story != null && story.size() > EditionEdits.MAX_STORIES || items.size() > EditionEdits.MAX_STORIES) {
            errors.add("stories", "newsroom.newsletter.edit.tooMany", EditionEdits.MAX_STORIES);
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return show(page, edition, form, errors, null, model);
        }
        EditionEdits.Outcome outcome;
        try {
            outcome = edits.save(id, typedVersion, subject, preheader, intro,
                    items.stream().map(Edition.Item::storyId).toList());
        } catch (IllegalArgumentException e) {
            errors.add("subject", "newsroom.newsletter.invalid");
            response.setStatus(422);
            return show(page, edition, form, errors, null, model);
        }
        return switch (outcome) {
            case SAVED -> "redirect:" + EDITIONS + id + "?done=saved";
            case BAD_STORY -> {
                errors.add("stories", "newsroom.newsletter.edit.badStory");
                response.setStatus(422);
                yield show(page, edition, form, errors, null, model);
            }
            case FROZEN -> {
                response.setStatus(409);
                yield show(page, edition, form, errors, "frozen", model);
            }
            case CHANGED -> {
                Edition theirs = editions.edition(id).orElseThrow(NotFound::new);
                response.setStatus(409);
                yield show(page, theirs, new EditForm(theirs.version(), subject, preheader, intro, items), errors,
                        "changed", model);
            }
        };
    }

    private String show(NewsroomPage page, Edition edition, EditForm form, FieldErrors errors, String notice,
            Model model) {
        List<Long> picked = form.items().stream().map(Edition.Item::storyId).toList();
        List<StoryCard> choices = stories.latest(edition.newsletter().language(), 1).stories().stream()
                .filter(s -> !picked.contains(s.id())).toList();
        model.addAttribute("edition", edition);
        model.addAttribute("form", form);
        model.addAttribute("choices", choices);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("scheduledFor", edition.scheduled() ? SendTime.show(edition.sendAt(), zone, page.t()) : "");
        return "newsletter/desk-edit";
    }

    /** Story ids from repeated form fields, in order, each once; anything but a plain number is ignored. */
    private static List<Long> ids(List<String> values) {
        List<Long> ids = new ArrayList<>();
        for (String value : values == null ? Collections.<String>emptyList() : values.subList(0,
                Math.min(values.size(), MAX_FIELDS))) {
            String v = value.strip();
            if (v.matches("[0-9]{1,12}") && !ids.contains(Long.valueOf(v))) {
                ids.add(Long.valueOf(v));
            }
        }
        return ids;
    }

    private static void editorOnly(NewsroomPage page) {
        if (page.who() == null || !page.who().canPublish()) {
            throw new AccessDeniedException("Editors only");
        }
    }
}
