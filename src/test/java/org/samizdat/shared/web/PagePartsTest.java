package org.samizdat.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.samizdat.shared.Language;

class PagePartsTest {

    private static PagePart part(PagePart.Place place, String prefix) {
        return new PagePart() {
            @Override
            public Place place() {
                return place;
            }

            @Override
            public String html(Language language) {
                return prefix + language.code();
            }
        };
    }

    @Test
    void joinsThePartsOfOnePlaceInOrderForThePageLanguage() {
        PageParts parts = new PageParts(Language.RU, List.of(
                part(PagePart.Place.TOP, "<b>"), part(PagePart.Place.FOOTER, "<i>"), part(PagePart.Place.TOP, "<u>")));
        assertThat(parts.top()).isEqualTo("<b>ru<u>ru");
        assertThat(parts.footer()).isEqualTo("<i>ru");
        assertThat(parts.storyEnd()).isEmpty();
        assertThat(PageParts.NONE.bodyEnd()).isEmpty();
    }
}
