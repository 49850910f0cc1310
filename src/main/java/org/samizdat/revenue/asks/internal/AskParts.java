package org.samizdat.revenue.asks.internal;

import org.samizdat.shared.Language;
import org.samizdat.shared.web.InlineScript;
import org.samizdat.shared.web.PagePart;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The asks' contributions to every public page: notice and banner on top, the story-end ask, the dialog and script. */
@Configuration
class AskParts {

    /** Where the asks' inline script lives; the pages carry it verbatim and the CSP allows it by its hash. */
    static final String GATE = "inline/asks-gate.js";

    /**
     * Places the reader's notice, banner or story ask (or the thank-you) from the templates before the page below it
     * is parsed, so nothing is inserted above content already painted; {@code asks.js} then only wires them up.
     */
    @Bean
    InlineScript askGate() {
        return InlineScript.resource(GATE);
    }

    @Bean
    PagePart askTop(AskHtml html) {
        return new Part(PagePart.Place.TOP, html);
    }

    @Bean
    PagePart askStoryEnd(AskHtml html) {
        return new Part(PagePart.Place.STORY_END, html);
    }

    @Bean
    PagePart askBodyEnd(AskHtml html) {
        return new Part(PagePart.Place.BODY_END, html);
    }

    private record Part(PagePart.Place place, AskHtml html) implements PagePart {

        @Override
        public String html(Language language) {
            return html.html(language, place);
        }
    }
}
