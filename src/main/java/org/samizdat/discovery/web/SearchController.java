package org.samizdat.discovery.web;

import jakarta.servlet.http.HttpServletResponse;
import org.samizdat.content.Navigation;
import org.samizdat.content.Stories;
import org.samizdat.content.StoryPaths;
import org.samizdat.discovery.internal.SearchRequest;
import org.samizdat.discovery.internal.SearchResults;
import org.samizdat.discovery.internal.StorySearch;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.PageMeta;
import org.samizdat.shared.web.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page: a form that works without JavaScript and, for a query, ranked results. Results are
 * never cached (they change with every edit, and a reader's query is nobody else's business).
 */
@Controller
class SearchController {

    private final StorySearch search;
    private final Stories stories;
    private final Navigation navigation;
    private final Pages pages;

    SearchController(StorySearch search, Stories stories, Navigation navigation, Pages pages) {
        this.search = search;
        this.stories = stories;
        this.navigation = navigation;
        this.pages = pages;
    }

    @GetMapping("/search")
    String defaultEdition(@RequestParam(required = false) String q, @RequestParam(required = false) String language,
            @RequestParam(required = false) String section, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String page, Model model,
            HttpServletResponse response) {
        return search(pages.defaultLanguage().code(), q, language, section, from, to, page, model, response);
    }

    @GetMapping("/{lang:en|ru}/search")
    String search(@PathVariable String lang, @RequestParam(required = false) String q,
            @RequestParam(required = false) String language, @RequestParam(required = false) String section,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String page, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        Language edition = Language.of(lang);
        SearchRequest request = SearchRequest.of(q, language, section, from, to, page);
        SearchResults results = search.search(request);
        String path = StoryPaths.search(edition);
        String title = request.blank() ? pages.texts(edition).get("search.title")
                : pages.texts(edition).get("search.titleFor", request.query());
        PageMeta meta = pages.page(edition, title, null, path).hiddenFromSearch();
        model.addAttribute("page", meta);
        model.addAttribute("nav", navigation.sections(edition));
        model.addAttribute("view", new SearchView(request, results, stories.sections(), path));
        return "discovery/search";
    }
}
