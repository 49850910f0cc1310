package org.samizdat.content.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.samizdat.content.Navigation;
import org.samizdat.content.PublishedStory;
import org.samizdat.content.Stories;
import org.samizdat.content.StoryPaths;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.Json;
import org.samizdat.shared.web.NotFound;
import org.samizdat.shared.web.PageMeta;
import org.samizdat.shared.web.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.view.RedirectView;

/** The story page, and permanent redirects from a story's old addresses. */
@Controller
class StoryController {

    private final Stories stories;
    private final Navigation navigation;
    private final Pages pages;

    StoryController(Stories stories, Navigation navigation, Pages pages) {
        this.stories = stories;
        this.navigation = navigation;
        this.pages = pages;
    }

    @GetMapping("/{lang:en|ru}/stories/{slug}")
    Object story(@PathVariable String lang, @PathVariable String slug, Model model) {
        Language language = Language.of(lang);
        var found = stories.story(language, slug);
        if (found.isEmpty()) {
            String moved = stories.movedTo(language, slug).orElseThrow(NotFound::new);
            RedirectView redirect = new RedirectView(moved, true, false);
            redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            return redirect;
        }
        PublishedStory story = found.get();
        String title = story.seoTitle() == null || story.seoTitle().isBlank() ? story.headline() : story.seoTitle();
        String description = story.seoDescription() == null || story.seoDescription().isBlank()
                ? story.standfirst() : story.seoDescription();
        PageMeta page = pages.page(language, title, description, story.path());
        String image = story.leadMediaId() == null ? null : StoryPaths.media(story.leadMediaId(), "w1280");
        page = page.withOpenGraph("article", image, jsonLd(story, page, image)).withAlternate(story.translationPath());
        model.addAttribute("page", page);
        model.addAttribute("nav", navigation.sections(language));
        model.addAttribute("story", story);
        model.addAttribute("readMore", stories.readMore(story, 4));
        return "content/story";
    }

    private static String jsonLd(PublishedStory story, PageMeta page, String image) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("headline", story.headline());
        ld.put("description", story.standfirst());
        ld.put("inLanguage", story.language().code());
        ld.put("mainEntityOfPage", page.canonicalUrl());
        ld.put("datePublished", String.valueOf(story.publishedAt()));
        ld.put("dateModified", String.valueOf(story.updatedAt()));
        if (image != null) {
            ld.put("image", List.of(page.absolute(image)));
        }
        ld.put("author", story.authors().stream().map(a -> Map.of("@type", "Person", "name", a.name(),
                "url", page.absolute(a.path(story.language())))).toList());
        ld.put("publisher", Map.of("@type", "NewsMediaOrganization", "name", page.siteName(),
                "url", page.absolute("/")));
        if (story.section() != null) {
            ld.put("articleSection", story.section().name(story.language()));
        }
        return Json.write(ld);
    }
}
