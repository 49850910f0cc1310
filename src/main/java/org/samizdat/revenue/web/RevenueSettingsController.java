package org.samizdat.revenue.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.samizdat.revenue.internal.RevenueSettings;
import org.samizdat.revenue.internal.Settings;
import org.samizdat.revenue.internal.SettingsForm;
import org.samizdat.staff.FieldErrors;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Revenue settings (admins): currencies and limits, methods, suggested amounts, goal and rates, donor safety, bank. */
@Controller
@Newsroom
class RevenueSettingsController {

    private static final String PATH = RevenueDeskController.DESK + "/settings";

    private final Settings settings;

    RevenueSettingsController(Settings settings) {
        this.settings = settings;
    }

    @GetMapping(PATH)
    String form(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @RequestParam(required = false) String saved, Model model) {
        RevenueSettings current = settings.current();
        Map<String, String> values = new HashMap<>();
        RevenueSettings.NAMES.forEach(name -> values.put(name, current.get(name)));
        return show(values, FieldErrors.none(page.t()), saved != null, model);
    }

    @PostMapping(PATH)
    String save(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Map<String, String> values = new HashMap<>();
        RevenueSettings.NAMES.forEach(name -> values.put(name, form.getOrDefault(name, "").replace("\r\n", "\n")));
        FieldErrors errors = SettingsForm.check(values, new FieldErrors(page.t()));
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return show(values, errors, false, model);
        }
        settings.save(values, page.who());
        return "redirect:" + PATH + "?saved";
    }

    private String show(Map<String, String> values, FieldErrors errors, boolean saved, Model model) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        return "revenue/desk/settings";
    }
}
