package org.samizdat.revenue.asks.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.samizdat.revenue.asks.Ask;
import org.samizdat.revenue.asks.AskKind;
import org.samizdat.revenue.asks.AskRules;
import org.samizdat.revenue.asks.internal.AskCounters;
import org.samizdat.revenue.asks.internal.Asks;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.NotFound;
import org.samizdat.staff.FieldErrors;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The newsroom's ask desk, for editors and admins: every variant with its counts and conversion over the last
 * 30 days, and a form per variant.
 */
@Controller
@Newsroom
class AskDeskController {

    private static final String DESK = "/newsroom/asks";

    private final Asks asks;
    private final AskCounters counters;

    AskDeskController(Asks asks, AskCounters counters) {
        this.asks = asks;
        this.counters = counters;
    }

    @GetMapping(DESK)
    String desk(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @RequestParam(required = false) String saved, Model model) {
        model.addAttribute("rows", counters.report(asks.all(), counters.today().minusDays(29)));
        model.addAttribute("saved", saved != null);
        return "revenue/asks/desk";
    }

    @GetMapping(DESK + "/new")
    String blank(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @RequestParam(defaultValue = "banner") String kind, @RequestParam(defaultValue = "en") String lang,
            Model model) {
        AskKind askKind = AskKind.fromCode(kind).orElseThrow(NotFound::new);
        Language language = Language.fromCode(lang).orElseThrow(NotFound::new);
        Ask ask = new Ask(0, askKind, language, "", true, "", "", "", "", "", "", "", "", false);
        return form(page, ask, FieldErrors.none(page.t()), model);
    }

    @GetMapping(DESK + "/{id:[0-9]{1,12}}")
    String edit(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable long id,
            Model model) {
        return form(page, asks.find(id).orElseThrow(NotFound::new), FieldErrors.none(page.t()), model);
    }

    @PostMapping(DESK)
    String create(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        AskKind kind = AskKind.fromCode(form.get("kind")).orElseThrow(NotFound::new);
        Language language = Language.fromCode(form.get("lang")).orElseThrow(NotFound::new);
        return save(page, fromForm(0, kind, language, form), model, response);
    }

    @PostMapping(DESK + "/{id:[0-9]{1,12}}")
    String update(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable long id,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Ask stored = asks.find(id).orElseThrow(NotFound::new);
        return save(page, fromForm(id, stored.kind(), stored.language(), form), model, response);
    }

    private String save(NewsroomPage page, Ask ask, Model model, HttpServletResponse response) {
        Asks.Saved saved = asks.save(ask, page.who());
        if (saved.problems().isEmpty()) {
            return "redirect:" + DESK + "?saved";
        }
        FieldErrors errors = new FieldErrors(page.t());
        for (AskRules.Problem problem : saved.problems()) {
            errors.add(problem.field(), problem.key(), problem.args());
        }
        response.setStatus(422);
        return form(page, ask, errors, model);
    }

    private String form(NewsroomPage page, Ask ask, FieldErrors errors, Model model) {
        model.addAttribute("ask", ask);
        model.addAttribute("errors", errors);
        model.addAttribute("accepted", asks.accepted());
        return "revenue/asks/edit";
    }

    private static Ask fromForm(long id, AskKind kind, Language language, Map<String, String> form) {
        return new Ask(id, kind, language, form.get("name"), form.containsKey("active"), form.get("headline"),
                form.get("body"), form.get("signature"), form.get("button"), form.get("amounts_once"),
                form.get("amounts_monthly"), form.get("amounts_annual"), form.get("methods"),
                form.containsKey("show_goal"));
    }
}
