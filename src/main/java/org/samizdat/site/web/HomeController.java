package org.samizdat.site.web;

import java.util.ArrayList;
import java.util.List;
import org.samizdat.content.Navigation;
import org.samizdat.content.SectionRef;
import org.samizdat.content.Stories;
import org.samizdat.content.StoryCard;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.PageMeta;
import org.samizdat.shared.web.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The front page of each language edition: the lead story, the latest, and a block per section. */
@Controller
class HomeController {

    private final Stories stories;
    private final Navigation navigation;
    private final Pages pages;

    HomeController(Stories stories, Navigation navigation, Pages pages) {
        this.stories = stories;
        this.navigation = navigation;
        this.pages = pages;
    }

    @GetMapping("/")
    String defaultEdition(Model model) {
        return home(pages.defaultLanguage(), "/", model);
    }

    @GetMapping({"/{lang:en|ru}", "/{lang:en|ru}/"})
    String edition(@PathVariable String lang, Model model) {
        Language language = Language.of(lang);
        return home(language, "/" + language.code(), model);
    }

    private String home(Language language, String path, Model model) {
        List<StoryCard> front = stories.front(language, 9);
        List<SectionBlock> blocks = new ArrayList<>();
        for (SectionRef section : stories.sections()) {
            List<StoryCard> latest = stories.latestInSection(language, section, 4);
            if (!latest.isEmpty()) {
                blocks.add(new SectionBlock(section.name(language), section.path(language), latest));
            }
        }
        PageMeta page = pages.page(language, null, pages.texts(language).get("chrome.tagline"), path)
                .withAlternate("/" + language.other().code());
        model.addAttribute("page", page);
        model.addAttribute("nav", navigation.sections(language));
        model.addAttribute("lead", front.isEmpty() ? null : front.get(0));
        model.addAttribute("latest", front.size() > 1 ? front.subList(1, front.size()) : List.of());
        model.addAttribute("sections", blocks);
        return "site/home";
    }
}
