package org.samizdat.content.web.newsroom;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.samizdat.content.internal.MediaRejected;
import org.samizdat.content.internal.MediaStore;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.staff.FieldErrors;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPage;
import org.samizdat.staff.StaffMember;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The story editor. Every button posts the whole form: save, preview (nothing saved), publish and schedule
 * (saved first); withdraw and unschedule post only the token. Publishing actions are editors' only, both
 * in the URL rules and in {@link StoryWorkflow}.
 */
@Controller
@Newsroom
class StoryEditorController {

    private final StoryWorkflow workflow;
    private final EditorViews views;
    private final MediaStore media;
    private final Clock clock;
    private final ZoneId zone;

    StoryEditorController(StoryWorkflow workflow, EditorViews views, MediaStore media, Clock clock,
            @Value("${samizdat.newsroom.zone:Europe/Riga}") ZoneId zone) {
        this.workflow = workflow;
        this.views = views;
        this.media = media;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/newsroom/stories/new")
    String create(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @RequestParam(defaultValue = "en") String lang,
            Model model) {
        StoryForm form = StoryForm.blank(Language.fromCode(lang).orElse(Language.EN));
        return views.editor(model, page, null, form, FieldErrors.none(page.t()), null, null);
    }

    @GetMapping("/newsroom/stories/{id:[0-9]+}")
    String edit(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable long id,
            @RequestParam(required = false) String done, StaffMember who, Model model) {
        StoryDraft story = views.editable(id, who);
        return views.editor(model, page, story, StoryForm.of(story, zone), FieldErrors.none(page.t()), null, done);
    }

    @PostMapping("/newsroom/stories/{ref:new|[0-9]+}")
    String save(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable String ref, StoryForm form,
            @RequestParam(required = false) MultipartFile leadPhoto, StaffMember who, Model model,
            HttpServletResponse response) {
        return submit(page, ref, form, leadPhoto, Action.SAVE, who, model, response);
    }

    @PostMapping("/newsroom/stories/{ref:new|[0-9]+}/preview")
    String preview(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable String ref, StoryForm form,
            StaffMember who, Model model) {
        StoryDraft story = ref.equals("new") ? null : views.editable(Long.parseLong(ref), who);
        return views.editor(model, page, story, form, form.check(page.t()), views.preview(form), null);
    }

    @PostMapping("/newsroom/stories/{ref:new|[0-9]+}/publish")
    String publish(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable String ref, StoryForm form,
            @RequestParam(required = false) MultipartFile leadPhoto, StaffMember who, Model model,
            HttpServletResponse response) {
        return submit(page, ref, form, leadPhoto, Action.PUBLISH, who, model, response);
    }

    @PostMapping("/newsroom/stories/{ref:new|[0-9]+}/schedule")
    String schedule(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable String ref, StoryForm form,
            @RequestParam(required = false) MultipartFile leadPhoto, StaffMember who, Model model,
            HttpServletResponse response) {
        return submit(page, ref, form, leadPhoto, Action.SCHEDULE, who, model, response);
    }

    @PostMapping("/newsroom/stories/{id:[0-9]+}/withdraw")
    String withdraw(@PathVariable long id, StaffMember who) {
        views.editable(id, who);
        workflow.withdraw(id, who);
        return "redirect:/newsroom/stories/" + id + "?done=withdrawn";
    }

    @PostMapping("/newsroom/stories/{id:[0-9]+}/unschedule")
    String unschedule(@PathVariable long id, StaffMember who) {
        views.editable(id, who);
        workflow.unschedule(id, who);
        return "redirect:/newsroom/stories/" + id + "?done=unscheduled";
    }

    private String submit(NewsroomPage page, String ref, StoryForm form, MultipartFile photo, Action action,
            StaffMember who, Model model, HttpServletResponse response) {
        StoryDraft story = ref.equals("new") ? null : views.editable(Long.parseLong(ref), who);
        FieldErrors errors = form.check(page.t());
        views.checkChoices(form, errors);
        if (photo != null && !photo.isEmpty()) {
            try {
                form = form.withLeadMedia(media.store(photo.getBytes()));
            } catch (MediaRejected rejected) {
                errors.add("leadPhoto", rejected.messageKey());
            } catch (IOException unreadable) {
                errors.add("leadPhoto", "newsroom.story.photoUnreadable");
            }
        }
        Instant at = action == Action.SCHEDULE ? form.scheduledFor(zone, clock.instant(), errors) : null;
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return views.editor(model, page, story, form, errors, null, null);
        }
        long id = workflow.save(form.toDraft(story == null ? null : story.id()), who);
        switch (action) {
            case PUBLISH -> workflow.publish(id, who);
            case SCHEDULE -> workflow.schedule(id, at, who);
            case SAVE -> { }
        }
        return "redirect:/newsroom/stories/" + id + "?done=" + action.done;
    }

    private enum Action {
        SAVE("saved"), PUBLISH("published"), SCHEDULE("scheduled");

        final String done;

        Action(String done) {
            this.done = done;
        }
    }
}
