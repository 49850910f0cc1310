package org.samizdat.content.web.newsroom;

import org.samizdat.shared.Slugs;
import org.samizdat.shared.web.Texts;
import org.samizdat.staff.FieldErrors;

/** A section as typed in the sections page (slug, English and Russian names, position in the masthead). */
public record SectionForm(String slug, String nameEn, String nameRu, String position) {

    public static SectionForm blank() {
        return new SectionForm("", "", "", "0");
    }

    FieldErrors check(Texts t) {
        FieldErrors errors = new FieldErrors(t)
                .required("slug", slug).maxLength("slug", slug, 80)
                .required("nameEn", nameEn).maxLength("nameEn", nameEn, 120)
                .required("nameRu", nameRu).maxLength("nameRu", nameRu, 120);
        if (!errors.has("slug") && !Slugs.isValid(slug.strip())) {
            errors.add("slug", "newsroom.story.slugFormat");
        }
        if (position == null || !position.strip().matches("-?[0-9]{1,6}")) {
            errors.add("position", "newsroom.error.number");
        }
        return errors;
    }

    int positionNumber() {
        return Integer.parseInt(position.strip());
    }
}
