package org.samizdat.newsletter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.samizdat.content.Stories;
import org.samizdat.mail.MailFailed;
import org.samizdat.newsletter.internal.Edition;
import org.samizdat.newsletter.internal.EditionView;
import org.samizdat.newsletter.internal.Editions;
import org.samizdat.newsletter.internal.Newsletter;
import org.samizdat.newsletter.internal.Progress;
import org.samizdat.shared.web.Json;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.NotFound;
import org.samizdat.staff.FieldErrors;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The newsroom's newsletter desk, for editors: pick stories in order (a number next to each), write subject,
 * preheader and intro, preview the HTML and text, send a test to a staff address, send to every subscriber; then
 * watch the delivery (the page refreshes itself while sending, and {@code progress.json} can be polled), pause,
 * resume or cancel it.
 */
@Controller
@Newsroom
class EditionDeskController {

    private static final String DESK = "/newsroom/newsletter";

    private final Editions editions;
    private final Stories stories;

    EditionDeskController(Editions editions, Stories stories) {
        this.editions = editions;
        this.stories = stories;
    }

    @GetMapping(DESK)
    String desk(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @RequestParam(defaultValue = "weekly-en") String newsletter, Model model) {
        editorOnly(page);
        return show(page, newsletter, FieldErrors.none(page.t()), Map.of(), model);
    }

    @PostMapping(DESK + "/editions")
    String create(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        editorOnly(page);
        String code = form.getOrDefault("newsletter", "weekly-en");
        TreeMap<Integer, Long> picked = new TreeMap<>();
        form.forEach((name, value) -> {
            if (name.matches("order_[0-9]{1,12}") && value.strip().matches("[0-9]{1,3}")) {
                picked.putIfAbsent(Integer.valueOf(value.strip()), Long.valueOf(name.substring(6)));
            }
        });
        FieldErrors errors = new FieldErrors(page.t()).required("subject", form.get("subject"))
                .maxLength("subject", form.get("subject"), 200).maxLength("preheader", form.get("preheader"), 300)
                .maxLength("intro", form.get("intro"), 8000);
        if (errors.isEmpty()) {
            try {
                long id = editions.draft(code, form.get("subject"), form.get("preheader"), form.get("intro"),
                        new ArrayList<>(picked.values()), page.who().id());
                return "redirect:" + DESK + "/editions/" + id;
            } catch (IllegalArgumentException e) {
                errors.add("subject", "newsroom.newsletter.invalid");
            }
        }
        response.setStatus(422);
        return show(page, code, errors, form, model);
    }

    @GetMapping(DESK + "/editions/{id:[0-9]{1,12}}")
    String edition(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable long id,
            @RequestParam(required = false) String done, Model model, HttpServletResponse response) {
        editorOnly(page);
        Edition edition = editions.edition(id).orElseThrow(NotFound::new);
        if (Edition.SENDING.equals(edition.status())) {
            response.setHeader("Refresh", "5");
        }
        model.addAttribute("edition", edition);
        model.addAttribute("progress", editions.progress(id).orElseThrow(NotFound::new));
        model.addAttribute("done", done);
        return "newsletter/desk-edition";
    }

    /** The live progress view's data, for polling. */
    @GetMapping(value = DESK + "/editions/{id:[0-9]{1,12}}/progress.json")
    ResponseEntity<String> progress(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @PathVariable long id) {
        editorOnly(page);
        Progress progress = editions.progress(id).orElseThrow(NotFound::new);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Json.write(progress.json()));
    }

    @PostMapping(DESK + "/editions/{id:[0-9]{1,12}}/{action:pause|resume|cancel}")
    String control(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable long id,
            @PathVariable String action) {
        editorOnly(page);
        editions.edition(id).orElseThrow(NotFound::new);
        boolean done = switch (action) {
            case "pause" -> editions.pause(id);
            case "resume" -> editions.resume(id);
            default -> editions.cancel(id);
        };
        return "redirect:" + DESK + "/editions/" + id + "?done=" + (done ? action : "notNow");
    }

    @GetMapping(value = DESK + "/editions/{id:[0-9]{1,12}}/preview.html")
    ResponseEntity<String> previewHtml(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @PathVariable long id) {
        editorOnly(page);
        EditionView view = editions.preview(id).orElseThrow(NotFound::new);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(editions.html(view));
    }

    @GetMapping(value = DESK + "/editions/{id:[0-9]{1,12}}/preview.txt")
    ResponseEntity<String> previewText(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @PathVariable long id) {
        editorOnly(page);
        EditionView view = editions.preview(id).orElseThrow(NotFound::new);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body(view.text());
    }

    @PostMapping(DESK + "/editions/{id:[0-9]{1,12}}/test")
    String test(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable long id,
            @RequestParam(defaultValue = "") String to) {
        editorOnly(page);
        editions.edition(id).orElseThrow(NotFound::new);
        try {
            editions.sendTest(id, to.strip());
            return "redirect:" + DESK + "/editions/" + id + "?done=test";
        } catch (IllegalArgumentException | MailFailed e) {
            return "redirect:" + DESK + "/editions/" + id + "?done=testFailed";
        }
    }

    @PostMapping(DESK + "/editions/{id:[0-9]{1,12}}/send")
    String send(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable long id) {
        editorOnly(page);
        editions.edition(id).orElseThrow(NotFound::new);
        editions.sendNow(id);
        return "redirect:" + DESK + "/editions/" + id + "?done=sending";
    }

    private String show(NewsroomPage page, String code, FieldErrors errors, Map<String, String> typed, Model model) {
        Newsletter newsletter = editions.newsletters().stream().filter(n -> n.code().equals(code)).findFirst()
                .orElseThrow(NotFound::new);
        Language language = newsletter.language();
        model.addAttribute("newsletters", editions.newsletters());
        model.addAttribute("newsletter", newsletter);
        model.addAttribute("stories", stories.latest(language, 1).stories());
        model.addAttribute("editions", editions.recent(30));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "newsletter/desk";
    }

    private static void editorOnly(NewsroomPage page) {
        if (page.who() == null || !page.who().canPublish()) {
            throw new AccessDeniedException("Editors only");
        }
    }
}
