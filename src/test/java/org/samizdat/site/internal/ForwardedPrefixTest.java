package org.samizdat.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which prefixes are taken, and how links and redirects get them. */
class ForwardedPrefixTest {

    @Test
    void onlyPlainPathsAreTaken() {
        assertThat(ForwardedPrefix.valid("/news/")).isEqualTo("/news");
        assertThat(ForwardedPrefix.valid("/a/b.c/d_e~f-g")).isEqualTo("/a/b.c/d_e~f-g");
        for (String hostile : new String[] {null, "", "/", "news", "//evil.example", "/a//b", "/..", "/a/../b", "/.",
                "/a\"b", "/a<b", "/a b", "/a%2fb", "/a\r\nX: y", "javascript:alert(1)", "/" + "a".repeat(41),
                "/a/b/c/d/e/f", "/a,/b", "/a\\b"}) {
            assertThat(ForwardedPrefix.valid(hostile)).as(String.valueOf(hostile)).isEmpty();
        }
    }

    @Test
    void hostRelativeAddressesInTagsGetThePrefixAndNothingElseDoes() {
        String page = "<a href=\"/en\">x</a><a href=\"//cdn.example/x\">y</a><a href=\"https://e.example/\">z</a>"
                + "<img src=\"/media/1/w320.jpg\" srcset=\"/media/1/w320.jpg 320w, /media/1/w640.jpg 640w\">"
                + "<form action=\"/en/newsletter\" method=\"post\"></form><p>text with href=\"/en\" in it</p>"
                + "<a title=\"a &#34;quoted&#34; > sign\" href=\"/en/x\">q</a>";
        assertThat(ForwardedPrefix.html("/news", page)).isEqualTo(
                "<a href=\"/news/en\">x</a><a href=\"//cdn.example/x\">y</a><a href=\"https://e.example/\">z</a>"
                + "<img src=\"/news/media/1/w320.jpg\" srcset=\"/news/media/1/w320.jpg 320w, /news/media/1/w640.jpg 640w\">"
                + "<form action=\"/news/en/newsletter\" method=\"post\"></form><p>text with href=\"/en\" in it</p>"
                + "<a title=\"a &#34;quoted&#34; > sign\" href=\"/news/en/x\">q</a>");
    }

    @Test
    void redirectsGetThePrefixOnlyWhenHostRelative() {
        assertThat(ForwardedPrefix.location("/news", "/newsroom/signin")).isEqualTo("/news/newsroom/signin");
        assertThat(ForwardedPrefix.location("/news", "//evil.example/x")).isEqualTo("//evil.example/x");
        assertThat(ForwardedPrefix.location("/news", "https://pay.example/checkout")).isEqualTo("https://pay.example/checkout");
        assertThat(ForwardedPrefix.location("", "/x")).isEqualTo("/x");
    }
}
