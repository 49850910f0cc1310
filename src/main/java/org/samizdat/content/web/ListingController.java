package org.samizdat.content.web;

import org.samizdat.content.AuthorRef;
import org.samizdat.content.Navigation;
import org.samizdat.content.SectionRef;
import org.samizdat.content.Stories;
import org.samizdat.content.StoryList;
import org.samizdat.content.StoryPaths;
import org.samizdat.content.TagRef;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.NotFound;
import org.samizdat.shared.web.PageMeta;
import org.samizdat.shared.web.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Section, tag and author pages: paginated lists of live stories. */
@Controller
class ListingController {

    private final Stories stories;
    private final Navigation navigation;
    private final Pages pages;

    ListingController(Stories stories, Navigation navigation, Pages pages) {
        this.stories = stories;
        this.navigation = navigation;
        this.pages = pages;
    }

    @GetMapping("/{lang:en|ru}/sections/{slug}")
    String section(@PathVariable String lang, @PathVariable String slug,
            @RequestParam(defaultValue = "1") String page, Model model) {
        Language language = Language.of(lang);
        SectionRef section = stories.section(slug).orElseThrow(NotFound::new);
        StoryList list = stories.inSection(language, section, pageNumber(page));
        String path = StoryPaths.section(language, slug);
        return render(model, language, section.name(language), null, path, list);
    }

    @GetMapping("/{lang:en|ru}/tags/{slug}")
    String tag(@PathVariable String lang, @PathVariable String slug,
            @RequestParam(defaultValue = "1") String page, Model model) {
        Language language = Language.of(lang);
        TagRef tag = stories.tag(language, slug).orElseThrow(NotFound::new);
        String heading = pages.texts(language).get("tag.title", tag.name());
        return render(model, language, heading, null, tag.path(), stories.withTag(tag, pageNumber(page)));
    }

    @GetMapping("/{lang:en|ru}/authors/{slug}")
    String author(@PathVariable String lang, @PathVariable String slug,
            @RequestParam(defaultValue = "1") String page, Model model) {
        Language language = Language.of(lang);
        AuthorRef author = stories.author(slug).orElseThrow(NotFound::new);
        StoryList list = stories.byAuthor(language, author, pageNumber(page));
        model.addAttribute("photoId", author.photoId());
        return render(model, language, author.name(), author.bio(), author.path(language), list);
    }

    private String render(Model model, Language language, String heading, String intro, String path, StoryList list) {
        if (list.page() > list.pages()) {
            throw new NotFound();
        }
        PageMeta meta = pages.page(language, heading, intro, list.page() == 1 ? path : path + "?page=" + list.page());
        model.addAttribute("page", meta);
        model.addAttribute("nav", navigation.sections(language));
        model.addAttribute("list", list);
        model.addAttribute("heading", heading);
        model.addAttribute("intro", intro);
        model.addAttribute("basePath", path);
        return "content/listing";
    }

    /** Page numbers from the query string; anything that is not a small positive number is a 404. */
    static int pageNumber(String raw) {
        if (raw == null || !raw.matches("[1-9][0-9]{0,4}")) {
            throw new NotFound();
        }
        return Integer.parseInt(raw);
    }
}
