package org.samizdat.content.web.newsroom;

import jakarta.servlet.http.HttpServletResponse;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.Catalogue;
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

/** Sections of the site, for editors: add one, rename it, move it in the masthead. */
@Controller
@Newsroom
class SectionsController {

    private final CatalogRepository catalog;
    private final Catalogue catalogue;

    SectionsController(CatalogRepository catalog, Catalogue catalogue) {
        this.catalog = catalog;
        this.catalogue = catalogue;
    }

    @GetMapping("/newsroom/sections")
    String list(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @RequestParam(required = false) String saved,
            Model model) {
        return show(model, page, null, SectionForm.blank(), FieldErrors.none(page.t()), saved != null);
    }

    @PostMapping({"/newsroom/sections", "/newsroom/sections/{id:[0-9]+}"})
    String save(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable(required = false) Long id,
            SectionForm form, Model model, HttpServletResponse response) {
        if (id != null) {
            catalog.section(id).orElseThrow(NotFound::new);
        }
        FieldErrors errors = form.check(page.t());
        if (!errors.has("slug") && catalog.sectionSlugTaken(form.slug().strip(), id)) {
            errors.add("slug", "newsroom.error.slugTaken");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(model, page, id == null ? -1L : id, form, errors, false);
        }
        catalogue.saveSection(id, form.slug().strip(), form.nameEn().strip(), form.nameRu().strip(), form.positionNumber(),
                page.who());
        return "redirect:/newsroom/sections?saved";
    }

    private String show(Model model, NewsroomPage page, Long editing, SectionForm form, FieldErrors errors,
            boolean saved) {
        model.addAttribute("sections", catalog.sections());
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        return "newsroom/sections";
    }
}
