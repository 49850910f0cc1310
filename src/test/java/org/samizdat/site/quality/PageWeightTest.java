package org.samizdat.site.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffMember;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The weight budget: each public page type delivers its HTML plus every stylesheet it links in at most 14 KB
 * (14,336 bytes) as sent gzipped, so it gets through networks that cut responses after about 16 KB; the
 * figures are printed. Covered in both languages: home, section, tag, author, a story of 1,500 words (made
 * from the demo text, with its lead photo), search results, the newsletter page and the support page. A page type that does not
 * exist yet joins as one more line in {@link #PAGES}. Text must be readable before any
 * image or script loads: stylesheets in the head, no script that blocks rendering.
 */
@AppTest
@TestPropertySource(properties = "samizdat.demo-content=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageWeightTest {

    static final int BUDGET = 14 * 1024;
    static final String LONG_STORY_EN = "/en/stories/a-long-read-for-the-weight-budget";
    static final String LONG_STORY_RU = "/ru/stories/dlinnyy-material-dlya-byudzheta-vesa";
    static final List<String> PAGES = List.of(
            "/en", "/ru",
            "/en/sections/politics", "/ru/sections/politics",
            "/en/tags/parliament", "/ru/tags/parlament",
            "/en/authors/anna-beletskaya", "/ru/authors/anna-beletskaya",
            LONG_STORY_EN, LONG_STORY_RU,
            "/en/search?q=army", "/ru/search?q=" + URLEncoder.encode("армия", StandardCharsets.UTF_8),
            "/en/newsletter", "/ru/newsletter",
            "/en/support", "/ru/support");

    static final StaffMember EDITOR = new StaffMember(1, "editor", "Editor", Role.EDITOR);

    @LocalServerPort
    int port;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    StoryRepository stories;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void publishLongStories() {
        if (stories.liveIdBySlug(Language.EN, LONG_STORY_EN.substring(LONG_STORY_EN.lastIndexOf('/') + 1)).isEmpty()) {
            publishLong(Language.EN, "parliament-votes-to-extend-the-chairman-s-term-without-an-election",
                    LONG_STORY_EN, "A long read for the weight budget", "/demo/stories-en.md");
            publishLong(Language.RU, "parlament-prodlil-srok-predsedatelya-bez-vyborov",
                    LONG_STORY_RU, "Длинный материал для бюджета веса", "/demo/stories-ru.md");
        }
    }

    List<String> pages() {
        return PAGES;
    }

    @ParameterizedTest
    @MethodSource("pages")
    void htmlAndCssFitInFourteenKilobytesGzipped(String path) throws Exception {
        Fetched page = fetch(path);
        assertThat(page.status()).as(path).isEqualTo(200);
        Document doc = Jsoup.parse(page.text());
        long total = page.wireBytes();
        List<String> parts = new ArrayList<>(List.of("html " + page.wireBytes() + (page.gzipped() ? "" : " (not gzipped)")));
        for (Element link : doc.select("link[rel=stylesheet]")) {
            assertThat(link.parent().tagName()).as("stylesheet %s in <head>", link.attr("href")).isEqualTo("head");
            Fetched css = fetch(link.attr("href"));
            assertThat(css.status()).isEqualTo(200);
            total += css.wireBytes();
            parts.add(link.attr("href") + " " + css.wireBytes() + (css.gzipped() ? "" : " (not gzipped)"));
        }
        System.out.printf("page weight %-62s %6d bytes gzipped (%s)%n", path, total, String.join(", ", parts));
        assertThat(doc.select("head script[src]:not([defer]):not([async]):not([type=module])"))
                .as("render-blocking scripts on %s", path).isEmpty();
        assertThat(doc.select("body img:not([loading=lazy]):not([fetchpriority=high])"))
                .as("images on %s that are neither lazy nor the lead", path).isEmpty();
        assertThat(doc.select("body img:not([width]), body img:not([height])")).as("images without a size on %s", path)
                .isEmpty();
        assertThat(total).as("HTML + CSS of %s, gzipped", path).isLessThanOrEqualTo(BUDGET);
    }

    private void publishLong(Language language, String demoSlug, String path, String headline, String source) {
        StoryDraft d = stories.find(stories.liveIdBySlug(language, demoSlug).orElseThrow()).orElseThrow();
        String slug = path.substring(path.lastIndexOf('/') + 1);
        long id = workflow.save(new StoryDraft(null, language, slug, headline, d.standfirst(), words(source, 1500),
                d.leadMediaId(), d.leadCaption(), d.leadCredit(), d.sectionId(), d.tags(), d.authorIds(), null, null,
                null, null, null, null, null, null, false), EDITOR);
        workflow.publish(id, EDITOR);
    }

    /** The first {@code count} words of the demo stories' bodies, paragraphs and subheadings kept. */
    static String words(String resource, int count) {
        StringBuilder body = new StringBuilder();
        int words = 0;
        boolean inBody = false;
        for (String line : read(resource).split("\n")) {
            if (line.startsWith("===")) {
                inBody = false;
            } else if (line.startsWith("standfirst:")) {
                inBody = true;
            } else if (inBody && !line.isBlank()) {
                for (String word : line.strip().split("\\s+")) {
                    if (words == count) {
                        return body.toString().strip();
                    }
                    body.append(word).append(' ');
                    words += word.matches("[#>*-]+") ? 0 : 1;
                }
                body.append("\n\n");
            }
        }
        throw new IllegalStateException("the demo text has fewer than " + count + " words");
    }

    private static String read(String resource) {
        try (InputStream in = PageWeightTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a browser that accepts gzip receives: the bytes on the wire, and the text they decode to. */
    record Fetched(int status, long wireBytes, boolean gzipped, String text) {
    }

    private Fetched fetch(String path) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        boolean gzipped = response.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent();
        byte[] body = response.body();
        if (gzipped) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        return new Fetched(response.statusCode(), response.body().length, gzipped,
                new String(body, StandardCharsets.UTF_8));
    }
}
