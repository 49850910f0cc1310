package org.samizdat.newsletter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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
import org.samizdat.newsletter.internal.WeeklyDrafts;
import org.samizdat.shared.web.Json;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.NotFound;
import org.samizdat.staff.FieldErrors;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPage;
import org.springframework.beans.factory.annotation.Value;
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
 * preheader and intro, preview the HTML and text, send a test to a staff address, send to every subscriber now or
 * schedule the send for a time in the newsroom's zone (and cancel that schedule); then
 * watch the delivery (the page refreshes itself while sending, and {@code progress.json} can be polled), pause,
 * resume or cancel it.
 */
@Controller
@Newsroom
class EditionDeskController {

    private static final String DESK = "/newsroom/newsletter";

    private final Editions editions;
    private final Stories stories;
    private final WeeklyDrafts weekly;
    private final ZoneId zone;
    private final Clock clock;

    EditionDeskController(Editions editions, Stories stories, WeeklyDrafts weekly,
            @Value("${samizdat.newsroom.zone:Europe/Riga}") ZoneId zone, Clock clock) {
        this.editions = editions;
        this.stories = stories;
        this.weekly = weekly;
        this.zone = zone;
        this.clock = clock;
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
        return editionPage(page, id, done, FieldErrors.none(page.t()), "", model, response);
    }

    /** Schedules a draft for a time in the newsroom's zone ({@code datetime-local}), or moves its time. */
    @PostMapping(DESK + "/editions/{id:[0-9]{1,12}}/schedule")
    String schedule(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable long id,
            @RequestParam(defaultValue = "") String sendAt, Model model, HttpServletResponse response) {
        editorOnly(page);
        editions.edition(id).orElseThrow(NotFound::new);
        FieldErrors errors = new FieldErrors(page.t()).required("sendAt", sendAt).maxLength("sendAt", sendAt, 20);
        Instant at = errors.isEmpty() ? SendTime.parse(sendAt, zone, clock.instant(), errors) : null;
        if (at == null) {
            response.setStatus(422);
            return editionPage(page, id, null, errors, sendAt.length() > 20 ? "" : sendAt, model, response);
        }
        boolean done = editions.schedule(id, at);
        return "redirect:" + DESK + "/editions/" + id + "?done=" + (done ? "scheduled" : "notNow");
    }

    @PostMapping(DESK + "/editions/{id:[0-9]{1,12}}/unschedule")
    String unschedule(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable long id) {
        editorOnly(page);
        editions.edition(id).orElseThrow(NotFound::new);
        boolean done = editions.unschedule(id);
        return "redirect:" + DESK + "/editions/" + id + "?done=" + (done ? "unscheduled" : "notNow");
    }

    private String editionPage(NewsroomPage page, long id, String done, FieldErrors errors, String typedSendAt,
            Model model, HttpServletResponse response) {
        Edition edition = editions.edition(id).orElseThrow(NotFound::new);
        if (Edition.SENDING.equals(edition.status())) {
            response.setHeader("Refresh", "5");
        }
        model.addAttribute("edition", edition);
        model.addAttribute("progress", editions.progress(id).orElseThrow(NotFound::new));
        model.addAttribute("done", done);
        model.addAttribute("errors", errors);
        model.addAttribute("sendAt", typedSendAt);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("scheduledFor", edition.sendAt() == null ? "" : SendTime.show(edition.sendAt(), zone, page.t()));
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
        model.addAttribute("weekly", weekly.schedule(newsletter).map(s -> WeeklyScheduleController.describe(s, page.t()))
                .orElse(""));
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
