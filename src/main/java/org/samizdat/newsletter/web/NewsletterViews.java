package org.samizdat.newsletter.web;

import jakarta.servlet.http.HttpServletResponse;
import org.samizdat.content.Navigation;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.Pages;
import org.samizdat.shared.web.Texts;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The short answer pages of the newsletter (check your inbox, confirm, unsubscribed…) inside the site chrome. */
@Component
class NewsletterViews {

    private final Pages pages;
    private final Navigation navigation;

    NewsletterViews(Pages pages, Navigation navigation) {
        this.pages = pages;
        this.navigation = navigation;
    }

    Texts texts(Language language) {
        return pages.texts(language);
    }

    Language defaultLanguage() {
        return pages.defaultLanguage();
    }

    /**
     * A personal answer: never kept by the page cache or any shared cache, never indexed. The message key names
     * {@code <key>.title} and {@code <key>.text}; a non-null action adds a one-button form posting there.
     */
    String message(Language language, String key, int status, String action, String buttonKey, String path,
            Model model, HttpServletResponse response, Object... args) {
        Texts t = pages.texts(language);
        response.setStatus(status);
        response.setHeader("Cache-Control", "private, no-store");
        model.addAttribute("page", pages.page(language, t.get(key + ".title"), null, path).hiddenFromSearch());
        model.addAttribute("nav", navigation.sections(language));
        model.addAttribute("text", t.get(key + ".text", args));
        model.addAttribute("action", action);
        model.addAttribute("button", buttonKey == null ? null : t.get(buttonKey));
        return "newsletter/message";
    }

    void page(Language language, String path, Integer policyVersion, String previewPath, String error, Model model) {
        model.addAttribute("page", pages.page(language, pages.texts(language).get("newsletter.page.title"),
                pages.texts(language).get("newsletter.page.intro"), path));
        model.addAttribute("nav", navigation.sections(language));
        model.addAttribute("policyVersion", policyVersion);
        model.addAttribute("previewPath", previewPath);
        model.addAttribute("error", error);
    }
}
