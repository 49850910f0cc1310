package org.samizdat.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Nothing an author types, in Markdown or raw HTML, survives as something that can run or call another host. */
class BodyRendererTest {

    private static final List<String> ALLOWED_TAGS = List.of("html", "head", "body", "p", "br", "hr", "h2", "h3",
            "h4", "blockquote", "ul", "ol", "li", "strong", "em", "b", "i", "u", "s", "sub", "sup", "code", "pre",
            "a", "img", "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td", "caption", "abbr",
            "cite", "q", "small", "mark", "span", "#root");
    private static final Pattern SAFE_HREF = Pattern.compile("^(https?://|mailto:|/(?!/)|#).*", Pattern.CASE_INSENSITIVE);

    private final BodyRenderer renderer = new BodyRenderer();

    static List<String> payloads() throws IOException {
        try (InputStream in = BodyRendererTest.class.getResourceAsStream("/xss-payloads.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void payloadIsDefused(String payload) {
        assertSafe(renderer.render(payload));
        assertSafe(renderer.render("Intro paragraph\n\n" + payload + "\n\nClosing paragraph"));
        assertSafe(renderer.sanitise(payload));
    }

    private static void assertSafe(String html) {
        Document doc = Jsoup.parse(html);
        for (Element el : doc.getAllElements()) {
            assertThat(ALLOWED_TAGS).as("tag in %s", html).contains(el.normalName());
            for (Attribute attr : el.attributes()) {
                String name = attr.getKey().toLowerCase();
                assertThat(name).as("attribute in %s", html).doesNotStartWith("on")
                        .isNotIn("style", "srcdoc", "srcset", "formaction", "background", "xlink:href");
                if (name.equals("href")) {
                    assertThat(attr.getValue()).as("href in %s", html).matches(SAFE_HREF);
                }
                if (name.equals("src")) {
                    assertThat(attr.getValue()).as("src in %s", html).startsWith("/").doesNotStartWith("//");
                }
            }
        }
        assertThat(html.toLowerCase()).doesNotContain("<script", "<iframe", "<svg", "<math", "<base", "<style",
                "<object", "<embed", "<form", "<meta", "<link");
    }

    @Test
    void keepsEverydayFormatting() {
        String html = renderer.render("""
                ## Subhead

                Some *emphasis*, **strong** and a [link](https://example.org/report).

                > A quote

                - one
                - two

                ![Map](/media/1/w640.jpg)
                """);
        assertThat(html).contains("<h2>Subhead</h2>", "<em>emphasis</em>", "<strong>strong</strong>",
                "href=\"https://example.org/report\"", "<blockquote>", "<li>one</li>", "src=\"/media/1/w640.jpg\"",
                "loading=\"lazy\"");
        assertThat(Jsoup.parse(html).selectFirst("a").attr("rel")).contains("noopener", "noreferrer");
    }

    @Test
    void keepsLanguageOfQuotedPassages() {
        assertThat(renderer.render("<p lang=\"ru\">Цитата</p>")).contains("lang=\"ru\"");
        assertThat(renderer.render("<p lang=\"x-evil\">Quote</p>")).doesNotContain("lang=");
    }
}
