package org.samizdat.content.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo newsroom's text files parse, and every story names sections, authors and originals that exist. */
class DemoLibraryTest {

    final DemoLibrary library = DemoLibrary.load();

    @Test
    void hasEnoughOfEverything() {
        assertThat(library.sections()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(library.authors()).hasSizeGreaterThanOrEqualTo(5).allSatisfy(a -> assertThat(a.body()).isNotBlank());
        assertThat(library.english()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(library.russian()).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void storiesAreComplete() {
        Set<String> sections = keys(library.sections());
        Set<String> authors = keys(library.authors());
        for (List<DemoEntry> stories : List.of(library.english(), library.russian())) {
            assertThat(stories).allSatisfy(s -> {
                assertThat(sections).contains(s.get("section"));
                assertThat(authors).containsAll(s.list("authors"));
                assertThat(s.list("tags")).isNotEmpty();
                assertThat(s.get("headline")).hasSizeBetween(10, 200);
                assertThat(s.get("standfirst")).hasSizeBetween(20, 600);
                assertThat(s.get("caption")).isNotBlank();
                assertThat(s.body().split("\\n\\s*\\n")).hasSizeGreaterThanOrEqualTo(4);
            });
            assertThat(stories.stream().filter(s -> s.flag("featured"))).hasSizeBetween(1, 2);
        }
        assertThat(keys(library.english()).size() + keys(library.russian()).size())
                .isEqualTo(library.english().size() + library.russian().size());
    }

    @Test
    void bodiesUseTheMarkdownReadersSee() {
        String all = library.english().stream().map(DemoEntry::body).collect(Collectors.joining("\n"));
        assertThat(all).contains("\n## ", "\n> ", "\n- ", "\n1. ", "](/en/");
    }

    @Test
    void translationsPointAtEnglishStories() {
        Set<String> english = keys(library.english());
        List<String> originals = library.russian().stream().map(s -> s.get("translation", null))
                .filter(t -> t != null).toList();
        assertThat(originals).hasSizeGreaterThanOrEqualTo(8).doesNotHaveDuplicates();
        assertThat(english).containsAll(originals);
    }

    @Test
    void parsesHeaderFieldsAndBody() {
        List<DemoEntry> entries = DemoLibrary.parse("""
                Ignored preamble.

                === one
                name: First
                tags: a, b ,c

                Body line one.

                Body line two.
                === two
                featured: yes

                """);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("name")).isEqualTo("First");
        assertThat(entries.get(0).list("tags")).containsExactly("a", "b", "c");
        assertThat(entries.get(0).body()).isEqualTo("Body line one.\n\nBody line two.");
        assertThat(entries.get(1).flag("featured")).isTrue();
        assertThat(entries.get(1).body()).isEmpty();
    }

    @Test
    void seedsOnlyTheEmbeddedDatabaseUnlessTold() {
        assertThat(DemoContent.wanted(null, "jdbc:h2:file:./data/samizdat")).isTrue();
        assertThat(DemoContent.wanted(null, "jdbc:postgresql://db/samizdat")).isFalse();
        assertThat(DemoContent.wanted(true, "jdbc:postgresql://db/samizdat")).isTrue();
        assertThat(DemoContent.wanted(false, "jdbc:h2:mem:x")).isFalse();
        assertThat(DemoContent.wanted(null, null)).isFalse();
    }

    private static Set<String> keys(List<DemoEntry> entries) {
        return entries.stream().map(DemoEntry::key).collect(Collectors.toSet());
    }
}
