package org.samizdat.newsletter.web;

import org.samizdat.content.Navigation;
import org.samizdat.newsletter.internal.Edition;
import org.samizdat.newsletter.internal.Editions;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.NotFound;
import org.samizdat.shared.web.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public archive: every sent edition of a language's newsletters, each at its own address. */
@Controller
class ArchiveController {

    private final Editions editions;
    private final Navigation navigation;
    private final Pages pages;

    ArchiveController(Editions editions, Navigation navigation, Pages pages) {
        this.editions = editions;
        this.navigation = navigation;
        this.pages = pages;
    }

    @GetMapping("/{lang:en|ru}/newsletter/archive")
    String archive(@PathVariable String lang, Model model) {
        Language language = Language.of(lang);
        model.addAttribute("page", pages.page(language, pages.texts(language).get("newsletter.archive.title"), null,
                "/" + lang + "/newsletter/archive"));
        model.addAttribute("nav", navigation.sections(language));
        model.addAttribute("editions", editions.archive(language, 200));
        return "newsletter/archive";
    }

    @GetMapping("/{lang:en|ru}/newsletter/archive/{id:[0-9]{1,12}}")
    String edition(@PathVariable String lang, @PathVariable long id, Model model) {
        Language language = Language.of(lang);
        Edition edition = editions.sent(id).filter(e -> e.newsletter().language() == language)
                .orElseThrow(NotFound::new);
        model.addAttribute("page", pages.page(language, edition.subject(), edition.preheader(),
                "/" + lang + "/newsletter/archive/" + id));
        model.addAttribute("nav", navigation.sections(language));
        model.addAttribute("edition", edition);
        return "newsletter/edition";
    }
}
