package org.samizdat.content.web.newsroom;

import org.samizdat.content.AuthorRef;
import org.samizdat.shared.Slugs;
import org.samizdat.shared.web.Texts;
import org.samizdat.staff.FieldErrors;

/** An author's byline page as typed: name, address (blank = from the name), short bio and photo. */
public record AuthorForm(String name, String slug, String bio, String photoId) {

    static AuthorForm blank() {
        return new AuthorForm("", "", "", "");
    }

    static AuthorForm of(AuthorRef a) {
        return new AuthorForm(a.name(), a.slug(), a.bio() == null ? "" : a.bio(),
                a.photoId() == null ? "" : a.photoId().toString());
    }

    AuthorForm withPhoto(long id) {
        return new AuthorForm(name, slug, bio, Long.toString(id));
    }

    FieldErrors check(Texts t) {
        FieldErrors errors = new FieldErrors(t).required("name", name).maxLength("name", name, 120)
                .maxLength("slug", slug, 80).maxLength("bio", bio, 2000);
        if (slug != null && !slug.isBlank() && !Slugs.isValid(slug.strip())) {
            errors.add("slug", "newsroom.story.slugFormat");
        }
        if (photoId != null && !photoId.isBlank() && !photoId.strip().matches("[0-9]{1,18}")) {
            errors.add("photo", "newsroom.error.choose");
        }
        return errors;
    }

    String slugOrFromName() {
        return slug == null || slug.isBlank() ? Slugs.of(name) : slug.strip();
    }

    Long photo() {
        return photoId == null || photoId.isBlank() ? null : Long.valueOf(photoId.strip());
    }
}
