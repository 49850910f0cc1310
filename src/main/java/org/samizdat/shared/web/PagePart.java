package org.samizdat.shared.web;

import org.samizdat.shared.Language;

/**
 * A module's contribution to every public page, as ready-made HTML for one place in the layout: the asks
 * above the page, the ask after a story, the mirror list in the footer. Lets the layout (module site) and
 * the story page (module content) show what other modules own without depending on them. The HTML is
 * trusted: the contributing module escapes what it renders. It must be the same for every reader so pages
 * stay cacheable; a contributor that changes publishes {@link PagesChanged}.
 */
public interface PagePart {

    /** Where in the page a part goes. */
    enum Place {
        /** First thing inside {@code <body>}, after the skip link: notices and banners. */
        TOP,
        /** After the text of a story. */
        STORY_END,
        /** Inside the site footer. */
        FOOTER,
        /** Last thing inside {@code <body>}: dialogs and the one small script that drives them. */
        BODY_END
    }

    Place place();

    /** The HTML for pages in this language; empty when there is nothing to show. */
    String html(Language language);
}
