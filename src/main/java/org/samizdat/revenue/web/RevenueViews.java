package org.samizdat.revenue.web;

import jakarta.servlet.http.HttpServletResponse;
import org.samizdat.content.Navigation;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.PageMeta;
import org.samizdat.shared.web.Pages;
import org.samizdat.shared.web.Texts;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The public revenue pages' chrome, and the short personal answer pages (never cached, never indexed). */
@Component
class RevenueViews {

    private final Pages pages;
    private final Navigation navigation;

    RevenueViews(Pages pages, Navigation navigation) {
        this.pages = pages;
        this.navigation = navigation;
    }

    Texts texts(Language language) {
        return pages.texts(language);
    }

    Language defaultLanguage() {
        return pages.defaultLanguage();
    }

    /** Page chrome; a personal page is sent no-store and hidden from search engines. */
    PageMeta chrome(Language language, String titleKey, String path, boolean personal, Model model,
            HttpServletResponse response) {
        PageMeta page = pages.page(language, pages.texts(language).get(titleKey), null, path);
        if (personal) {
            page = page.hiddenFromSearch();
            response.setHeader("Cache-Control", "private, no-store");
        }
        model.addAttribute("page", page);
        model.addAttribute("nav", navigation.sections(language));
        return page;
    }

    /** A short answer: {@code <key>.title} and {@code <key>.text} with arguments, an optional link back. */
    String message(Language language, String key, int status, String link, Model model, HttpServletResponse response,
            Object... args) {
        response.setStatus(status);
        chrome(language, key + ".title", "/" + language.code() + "/support", true, model, response);
        model.addAttribute("text", pages.texts(language).get(key + ".text", args));
        model.addAttribute("link", link);
        return "revenue/message";
    }
}
