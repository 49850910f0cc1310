package org.samizdat.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.MediaStore;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.staff.internal.SignInThrottle;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Script payloads in every field the site renders, over real HTTP: each comes out as the exact escaped text
 * and nothing on the page runs it. Add a payload to {@link #PAYLOADS} to try it everywhere.
 */
@AppTest
class XssTest {

    /** A payload and how it must appear between tags (jte escapes &amp;, &lt; and &gt; in text). */
    record Payload(String raw, String escaped) {
    }

    static final List<Payload> PAYLOADS = List.of(
            new Payload("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
            new Payload("\"><img src=x onerror=alert(2)>", "\"&gt;&lt;img src=x onerror=alert(2)&gt;"),
            new Payload("'><svg/onload=alert(3)>", "'&gt;&lt;svg/onload=alert(3)&gt;"),
            new Payload("</title></script><script>alert(4)</script>&amp;",
                    "&lt;/title&gt;&lt;/script&gt;&lt;script&gt;alert(4)&lt;/script&gt;&amp;amp;"),
            new Payload("<a href=\"javascript:alert(5)\">x</a>", "&lt;a href=\"javascript:alert(5)\"&gt;x&lt;/a&gt;"),
            new Payload("<iframe srcdoc=\"<script>alert(6)</script>\">", "&lt;iframe srcdoc=\"&lt;script&gt;alert(6)&lt;/script&gt;\"&gt;"));

    @LocalServerPort
    int port;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    CatalogRepository catalog;

    @Autowired
    MediaStore media;

    @Autowired
    StaffDirectory staff;

    @Autowired
    SignInThrottle throttle;

    Pages pages() {
        return new Pages(port, workflow, catalog);
    }

    @Test
    void storyFieldsSectionsTagsAndAuthorsAreEscapedWhereverTheyAppear() throws Exception {
        long photo;
        try (var in = getClass().getResourceAsStream("/media/rotated.jpg")) {
            photo = media.store(in.readAllBytes());
        }
        int n = 0;
        for (Payload p : PAYLOADS) {
            n++;
            String sectionSlug = NewsroomClient.unique("xss-section-");
            long section = catalog.saveSection(null, sectionSlug, p.raw(), p.raw(), 50 + n);
            String authorSlug = NewsroomClient.unique("xss-author-");
            long author = catalog.saveAuthor(null, authorSlug, p.raw(), p.raw(), null);
            String story = pages().story(p.raw(), p.raw(), p.raw() + "\n\n[link](javascript:alert(9)) " + p.raw(), photo,
                    p.raw(), p.raw(), section, List.of(p.raw()), List.of(author));

            Document page = inert(pages().get(story), p);
            assertThat(page.selectFirst("h1").text()).isEqualTo(p.raw());
            assertThat(page.title()).startsWith(p.raw());
            assertThat(html(story)).contains(">" + p.escaped() + "<");
            assertThat(page.select("figcaption").text()).contains(p.raw());
            assertThat(page.select("a[href*=/tags/]").eachText()).contains(p.raw());

            Document sectionPage = inert(pages().get("/en/sections/" + sectionSlug), p);
            assertThat(sectionPage.selectFirst("h1").text()).isEqualTo(p.raw());
            Document authorPage = inert(pages().get("/en/authors/" + authorSlug), p);
            assertThat(authorPage.selectFirst("h1").text()).isEqualTo(p.raw());
            String tagPath = page.select("a[href*=/tags/]").stream().filter(a -> a.text().equals(p.raw()))
                    .findFirst().orElseThrow().attr("href");
            inert(pages().get(tagPath), p);
            inert(pages().get("/en"), p);
            inert(pages().get("/en/feed.xml"), p);
        }
    }

    @Test
    void theSearchBoxEchoesTheQueryAsText() throws Exception {
        for (Payload p : PAYLOADS) {
            HttpResponse<String> results = pages().get("/en/search?q=" + URLEncoder.encode(p.raw(), StandardCharsets.UTF_8));
            Document page = inert(results, p);
            assertThat(page.select("input[name=q]").attr("value")).isEqualTo(p.raw());
        }
    }

    @Test
    void theNewsletterFormEchoesNothingRunnable() throws Exception {
        for (Payload p : PAYLOADS) {
            HttpResponse<String> answer = pages().post("/en/newsletter", "email=" + URLEncoder.encode(p.raw(),
                    StandardCharsets.UTF_8) + "&form=page", "Sec-Fetch-Site", "same-origin");
            assertThat(answer.statusCode()).as(p.raw()).isEqualTo(400);
            inert(answer, p);
        }
    }

    @Test
    void staffNamesAreEscapedInTheNewsroom() throws Exception {
        throttle.clear();
        String admin = NewsroomClient.unique("xss-admin");
        staff.create(admin, "Admin", Role.ADMIN, "an admin passphrase here");
        for (Payload p : PAYLOADS) {
            staff.create(NewsroomClient.unique("xss-staff"), p.raw(), Role.AUTHOR, "an author passphrase here");
        }
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(admin, "an admin passphrase here");
        HttpResponse<String> list = client.get("/newsroom/staff");
        for (Payload p : PAYLOADS) {
            Document page = inert(list, p);
            assertThat(page.text()).contains(p.raw());
            assertThat(list.body()).contains(">" + p.escaped() + "<");
        }
    }

    String html(String path) throws Exception {
        return pages().get(path).body();
    }

    /** Parses the page and asserts the payload neither appears raw nor added a script, handler or frame. */
    static Document inert(HttpResponse<String> response, Payload p) {
        String body = response.body();
        assertThat(body).as("raw payload in %s", response.uri()).doesNotContain(p.raw());
        Document page = Jsoup.parse(body);
        for (Element element : page.getAllElements()) {
            String tag = element.tagName();
            assertThat(tag).as("injected element in %s", response.uri()).isNotIn("iframe", "svg", "object", "embed");
            if (tag.equals("script")) {
                assertThat(element.attr("type")).as("inline script in %s", response.uri()).isEqualTo("application/ld+json");
                assertThat(element.data()).doesNotContain("</");
            }
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as("event handler in %s", response.uri()).doesNotStartWith("on");
                if (Map.of("href", 1, "src", 1, "action", 1).containsKey(attribute.getKey())) {
                    assertThat(attribute.getValue().strip().toLowerCase()).as("script address in %s", response.uri())
                            .doesNotStartWith("javascript:");
                }
            }
        }
        return page;
    }
}
