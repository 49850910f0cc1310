package org.samizdat.shared.web;

import java.util.List;
import org.samizdat.shared.Language;

/** The {@link PagePart}s of one language's pages, asked for by place from templates. */
public record PageParts(Language language, List<PagePart> parts) {

    public static final PageParts NONE = new PageParts(Language.EN, List.of());

    /** The HTML of every part for this place, in bean order; empty when none. */
    public String html(PagePart.Place place) {
        StringBuilder html = new StringBuilder();
        for (PagePart part : parts) {
            if (part.place() == place) {
                html.append(part.html(language));
            }
        }
        return html.toString();
    }

    public String top() {
        return html(PagePart.Place.TOP);
    }

    public String storyEnd() {
        return html(PagePart.Place.STORY_END);
    }

    public String footer() {
        return html(PagePart.Place.FOOTER);
    }

    public String bodyEnd() {
        return html(PagePart.Place.BODY_END);
    }
}
