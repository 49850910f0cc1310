package org.samizdat.newsletter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.samizdat.content.Navigation;
import org.samizdat.newsletter.internal.Preferences;
import org.samizdat.shared.web.Pages;
import org.samizdat.shared.web.SameOrigin;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reader's preference page behind the link in every mail. A GET only shows it; each change is a POST that
 * must come from this site (same-origin check). Personal, so never stored by any cache.
 */
@Controller
class PreferencesController {

    private static final String PATH = "/newsletter/preferences/";

    private final Preferences preferences;
    private final NewsletterViews views;
    private final Pages pages;
    private final Navigation navigation;

    PreferencesController(Preferences preferences, NewsletterViews views, Pages pages, Navigation navigation) {
        this.preferences = preferences;
        this.views = views;
        this.pages = pages;
        this.navigation = navigation;
    }

    @GetMapping(PATH + "{token}")
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        return show(token, preferences.view(token), false, model, response);
    }

    @PostMapping(PATH + "{token}")
    String choose(@PathVariable String token, @RequestParam(name = "newsletter", required = false) List<String> codes,
            HttpServletRequest request, Model model, HttpServletResponse response) {
        if (!SameOrigin.check(request)) {
            return refused(model, response);
        }
        Set<String> wanted = codes == null ? Set.of() : Set.copyOf(codes.subList(0, Math.min(codes.size(), 20)));
        return show(token, preferences.choose(token, wanted), true, model, response);
    }

    @PostMapping(PATH + "{token}/unsubscribe")
    String unsubscribeAll(@PathVariable String token, HttpServletRequest request, Model model,
            HttpServletResponse response) {
        if (!SameOrigin.check(request)) {
            return refused(model, response);
        }
        return show(token, preferences.unsubscribeAll(token), true, model, response);
    }

    @PostMapping(PATH + "{token}/export")
    Object export(@PathVariable String token, HttpServletRequest request, Model model, HttpServletResponse response) {
        if (!SameOrigin.check(request)) {
            return refused(model, response);
        }
        Optional<String> json = preferences.export(token);
        if (json.isEmpty()) {
            return invalid(model, response);
        }
        return ResponseEntity.ok().header("Cache-Control", "private, no-store")
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"newsletter-data.json\"")
                .body(json.get().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping(PATH + "{token}/erase")
    String erase(@PathVariable String token, HttpServletRequest request, Model model, HttpServletResponse response) {
        if (!SameOrigin.check(request)) {
            return refused(model, response);
        }
        Optional<Preferences.View> view = preferences.view(token);
        if (view.isEmpty() || !preferences.erase(token)) {
            return invalid(model, response);
        }
        return views.message(view.get().language(), "newsletter.erased", 200, null, null, PATH, model, response);
    }

    private String show(String token, Optional<Preferences.View> view, boolean saved, Model model,
            HttpServletResponse response) {
        if (view.isEmpty()) {
            return invalid(model, response);
        }
        var language = view.get().language();
        response.setHeader("Cache-Control", "private, no-store");
        model.addAttribute("page", pages.page(language, pages.texts(language).get("newsletter.preferences.title"), null,
                PATH).hiddenFromSearch());
        model.addAttribute("nav", navigation.sections(language));
        model.addAttribute("view", view.get());
        model.addAttribute("action", PATH + token);
        model.addAttribute("saved", saved);
        return "newsletter/preferences";
    }

    private String refused(Model model, HttpServletResponse response) {
        return views.message(views.defaultLanguage(), "newsletter.refused", 403, null, null, PATH, model, response);
    }

    private String invalid(Model model, HttpServletResponse response) {
        return views.message(views.defaultLanguage(), "newsletter.invalidLink", 404, null, null, PATH, model, response);
    }
}
