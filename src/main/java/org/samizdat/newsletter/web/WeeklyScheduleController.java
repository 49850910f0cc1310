package org.samizdat.newsletter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.Map;
import org.samizdat.newsletter.internal.Editions;
import org.samizdat.newsletter.internal.Newsletter;
import org.samizdat.newsletter.internal.WeeklyDrafts;
import org.samizdat.newsletter.internal.WeeklyRule;
import org.samizdat.newsletter.internal.WeeklySchedule;
import org.samizdat.shared.web.NotFound;
import org.samizdat.shared.web.Texts;
import org.samizdat.staff.FieldErrors;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A newsletter's weekly schedule, for editors: "every Friday at 10:00, Europe/Riga" drafts that week's edition for
 * approval on the desk. One schedule per newsletter; saving replaces it, stopping removes it.
 */
@Controller
@Newsroom
class WeeklyScheduleController {

    private static final String PAGE = "/newsroom/newsletter/schedule";

    private final Editions editions;
    private final WeeklyDrafts weekly;
    private final ZoneId zone;

    WeeklyScheduleController(Editions editions, WeeklyDrafts weekly,
            @Value("${samizdat.newsroom.zone:Europe/Riga}") ZoneId zone) {
        this.editions = editions;
        this.weekly = weekly;
        this.zone = zone;
    }

    @GetMapping(PAGE)
    String show(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @RequestParam(defaultValue = "weekly-en") String newsletter, @RequestParam(required = false) String done,
            Model model) {
        editorOnly(page);
        Newsletter n = newsletter(newsletter);
        Map<String, String> typed = weekly.schedule(n).map(s -> Map.of("day", String.valueOf(s.rule().day().getValue()),
                "time", s.rule().timeText(), "zone", s.rule().zone().getId()))
                .orElse(Map.of("day", "5", "time", "10:00", "zone", zone.getId()));
        return page(page, n, FieldErrors.none(page.t()), typed, "saved".equals(done) || "stopped".equals(done) ? done : null,
                model);
    }

    @PostMapping(PAGE)
    String save(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        editorOnly(page);
        Newsletter n = newsletter(form.getOrDefault("newsletter", "weekly-en"));
        FieldErrors errors = new FieldErrors(page.t()).required("day", form.get("day")).required("time", form.get("time"))
                .required("zone", form.get("zone")).maxLength("time", form.get("time"), 5)
                .maxLength("zone", form.get("zone"), 64);
        if (errors.isEmpty()) {
            try {
                weekly.save(n, WeeklyRule.parse(form.get("day"), form.get("time"), form.get("zone")), page.who().id());
                return "redirect:" + PAGE + "?newsletter=" + n.code() + "&done=saved";
            } catch (WeeklyRule.Invalid e) {
                errors.add(e.getMessage(), "newsroom.newsletter.weekly.bad." + e.getMessage());
            }
        }
        response.setStatus(422);
        return page(page, n, errors, form, null, model);
    }

    @PostMapping(PAGE + "/stop")
    String stop(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @RequestParam(defaultValue = "weekly-en") String newsletter) {
        editorOnly(page);
        Newsletter n = newsletter(newsletter);
        weekly.stop(n);
        return "redirect:" + PAGE + "?newsletter=" + n.code() + "&done=stopped";
    }

    /** "Every Friday at 10:00 (Europe/Riga); next draft …" in the editor's language. */
    static String describe(WeeklySchedule schedule, Texts t) {
        return t.get("newsroom.newsletter.weekly.summary", t.get("newsroom.newsletter.day." + schedule.rule().day().getValue()),
                schedule.rule().timeText(), schedule.rule().zone().getId(),
                SendTime.show(schedule.nextRunAt(), schedule.rule().zone(), t));
    }

    private String page(NewsroomPage page, Newsletter n, FieldErrors errors, Map<String, String> typed, String done,
            Model model) {
        model.addAttribute("newsletter", n);
        model.addAttribute("summary", weekly.schedule(n).map(s -> describe(s, page.t())).orElse(""));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("done", done);
        return "newsletter/desk-schedule";
    }

    private Newsletter newsletter(String code) {
        return editions.newsletters().stream().filter(n -> n.code().equals(code)).findFirst().orElseThrow(NotFound::new);
    }

    private static void editorOnly(NewsroomPage page) {
        if (page.who() == null || !page.who().canPublish()) {
            throw new AccessDeniedException("Editors only");
        }
    }
}
