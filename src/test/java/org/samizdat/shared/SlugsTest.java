package org.samizdat.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void englishHeadlines() {
        assertThat(Slugs.of("Army holds drills near the border")).isEqualTo("army-holds-drills-near-the-border");
        assertThat(Slugs.of("  What's next? 10 questions — answered!  ")).isEqualTo("what-s-next-10-questions-answered");
    }

    @Test
    void cyrillicIsTransliteratedReadably() {
        assertThat(Slugs.of("Учения у границы")).isEqualTo("ucheniya-u-granitsy");
        assertThat(Slugs.of("Щедрый жест: Ёлка в Хабаровске")).isEqualTo("shchedryy-zhest-elka-v-khabarovske");
        assertThat(Slugs.of("Объявление")).isEqualTo("obyavlenie");
    }

    @Test
    void accentsAreFolded() {
        assertThat(Slugs.of("Café in Zürich")).isEqualTo("cafe-in-zurich");
    }

    @Test
    void nothingUsableFallsBackToStory() {
        assertThat(Slugs.of("!!! ???")).isEqualTo("story");
        assertThat(Slugs.of("")).isEqualTo("story");
        assertThat(Slugs.of(null)).isEqualTo("story");
        assertThat(Slugs.of("中文标题")).isEqualTo("story");
    }

    @Test
    void longHeadlinesAreCutAtAWordBoundary() {
        String slug = Slugs.of("word ".repeat(60));
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(slug).doesNotEndWith("-").endsWith("word");
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @Test
    void validity() {
        assertThat(Slugs.isValid("a-b-c")).isTrue();
        assertThat(Slugs.isValid("A-b")).isFalse();
        assertThat(Slugs.isValid("a--b")).isFalse();
        assertThat(Slugs.isValid("-a")).isFalse();
        assertThat(Slugs.isValid("a/b")).isFalse();
    }
}
