package org.samizdat.revenue.asks.internal;

import org.samizdat.shared.Language;
import org.samizdat.shared.web.PagePart;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The asks' contributions to every public page: notice and banner on top, the story-end ask, the dialog and script. */
@Configuration
class AskParts {

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
