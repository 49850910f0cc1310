package org.samizdat.content.web.newsroom;

import jakarta.servlet.http.HttpServletResponse;
import org.samizdat.content.TagRef;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.Catalogue;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.NotFound;
import org.samizdat.staff.FieldErrors;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Tags of each language edition, for editors: fix a tag's spelling (its address stays the same). */
@Controller
@Newsroom
class TagsController {

    private final CatalogRepository catalog;
    private final Catalogue catalogue;

    TagsController(CatalogRepository catalog, Catalogue catalogue) {
        this.catalog = catalog;
        this.catalogue = catalogue;
    }

    @GetMapping("/newsroom/tags")
    String list(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @RequestParam(defaultValue = "en") String lang,
            @RequestParam(required = false) String saved, Model model) {
        Language language = Language.fromCode(lang).orElse(Language.EN);
        return show(model, page, language, null, null, FieldErrors.none(page.t()), saved != null);
    }

    @PostMapping("/newsroom/tags/{id:[0-9]+}")
    String rename(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable long id,
            @RequestParam(defaultValue = "") String name, Model model, HttpServletResponse response) {
        TagRef tag = catalog.tag(id).orElseThrow(NotFound::new);
        FieldErrors errors = new FieldErrors(page.t()).required("name", name).maxLength("name", name, 80);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(model, page, tag.language(), id, name, errors, false);
        }
        catalogue.renameTag(id, name.strip(), page.who());
        return "redirect:/newsroom/tags?lang=" + tag.language().code() + "&saved";
    }

    private String show(Model model, NewsroomPage page, Language language, Long editing, String typed,
            FieldErrors errors, boolean saved) {
        model.addAttribute("language", language);
        model.addAttribute("tags", catalog.tags(language));
        model.addAttribute("editing", editing);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        return "newsroom/tags";
    }
}
