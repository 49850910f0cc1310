package org.samizdat.content.web.newsroom;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.Catalogue;
import org.samizdat.content.internal.MediaRejected;
import org.samizdat.content.internal.MediaStore;
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
import org.springframework.web.multipart.MultipartFile;

/** Bylines, for editors: the people stories are credited to, with a bio and an optional photo. */
@Controller
@Newsroom
class AuthorsController {

    private final CatalogRepository catalog;
    private final Catalogue catalogue;
    private final MediaStore media;

    AuthorsController(CatalogRepository catalog, Catalogue catalogue, MediaStore media) {
        this.catalog = catalog;
        this.catalogue = catalogue;
        this.media = media;
    }

    @GetMapping("/newsroom/authors")
    String list(Model model) {
        model.addAttribute("authors", catalog.authors());
        return "newsroom/authors";
    }

    @GetMapping("/newsroom/authors/new")
    String create(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, Model model) {
        return form(model, null, AuthorForm.blank(), FieldErrors.none(page.t()));
    }

    @GetMapping("/newsroom/authors/{id:[0-9]+}")
    String edit(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable long id, Model model) {
        return form(model, id, AuthorForm.of(catalog.author(id).orElseThrow(NotFound::new)), FieldErrors.none(page.t()));
    }

    @PostMapping("/newsroom/authors/{ref:new|[0-9]+}")
    String save(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable String ref, AuthorForm form,
            @RequestParam(required = false) MultipartFile photo, Model model, HttpServletResponse response) {
        Long id = ref.equals("new") ? null : Long.valueOf(ref);
        if (id != null) {
            catalog.author(id).orElseThrow(NotFound::new);
        }
        FieldErrors errors = form.check(page.t());
        if (photo != null && !photo.isEmpty()) {
            try {
                form = form.withPhoto(media.store(photo.getBytes()));
            } catch (MediaRejected rejected) {
                errors.add("photo", rejected.messageKey());
            } catch (IOException unreadable) {
                errors.add("photo", "newsroom.story.photoUnreadable");
            }
        }
        if (!errors.has("slug") && !errors.has("name") && catalog.authorSlugTaken(form.slugOrFromName(), id)) {
            errors.add("slug", "newsroom.error.slugTaken");
        }
        if (!errors.has("photo") && form.photo() != null && !catalog.mediaExists(form.photo())) {
            errors.add("photo", "newsroom.error.choose");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, id, form, errors);
        }
        catalogue.saveAuthor(id, form.slugOrFromName(), form.name().strip(),
                form.bio() == null || form.bio().isBlank() ? null : form.bio().strip(), form.photo(), page.who());
        return "redirect:/newsroom/authors";
    }

    private String form(Model model, Long id, AuthorForm form, FieldErrors errors) {
        model.addAttribute("authorId", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "newsroom/author";
    }
}
