package org.samizdat.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffMember;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Readers' pages through real HTTP: story, old-slug redirect, unknown slugs. */
@AppTest
class ReaderPagesTest {

    static final StaffMember EDITOR = new StaffMember(1, "editor", "Editor", Role.EDITOR);

    @LocalServerPort
    int port;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    Stories stories;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    long story(String headline, Language language) {
        long id = workflow.save(new StoryDraft(null, language, null, headline, "A standfirst", "Body **bold**",
                null, null, null, null, List.of("Drills"), List.of(), null, null, null, null, null, null, null, null,
                false), EDITOR);
        workflow.publish(id, EDITOR);
        return id;
    }

    @Test
    void publishedStoryIsReadable() throws Exception {
        long id = story("Army holds drills near the border", Language.EN);
        HttpResponse<String> page = get("/en/stories/army-holds-drills-near-the-border");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Army holds drills near the border</h1>", "<strong>bold</strong>",
                "NewsArticle", "lang=\"en\"");
        assertThat(id).isPositive();
    }

    @Test
    void cyrillicHeadlineGetsTransliteratedSlug() throws Exception {
        story("Учения у границы", Language.RU);
        HttpResponse<String> page = get("/ru/stories/ucheniya-u-granitsy");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"ru\"", "Учения у границы");
    }

    @Test
    void unknownSlugGetsTheSite404() throws Exception {
        HttpResponse<String> page = get("/en/stories/no-such-story");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").doesNotContain("Exception");
    }

    @Test
    void storyPageCarriesMetadataForSharingAndSearch() throws Exception {
        story("Metadata </script> story", Language.EN);
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(get("/en/stories/metadata-script-story").body());
        assertThat(doc.select("link[rel=canonical]").attr("href")).endsWith("/en/stories/metadata-script-story");
        assertThat(doc.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(doc.select("meta[property=og:title]").attr("content")).isEqualTo("Metadata </script> story");
        assertThat(doc.select("script[type=application/ld+json]").html()).contains("\"NewsArticle\"")
                .doesNotContain("</script>");
        assertThat(doc.select("article time[datetime]")).isNotEmpty();
        assertThat(doc.select("a[href^=http]")).as("internal links are host-relative").isEmpty();
        assertThat(doc.select("[src^=http], link[rel=stylesheet][href^=http]")).isEmpty();
    }

    @Test
    void readerCanSwitchToTheOtherLanguageEdition() throws Exception {
        long en = story("Bridge reopens after repairs", Language.EN);
        long ru = workflow.save(new StoryDraft(null, Language.RU, null, "Мост открыт после ремонта", "", "Текст",
                null, null, null, null, List.of(), List.of(), en, null, null, null, null, null, null, null, false), EDITOR);
        workflow.publish(ru, EDITOR);
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(get("/en/stories/bridge-reopens-after-repairs").body());
        assertThat(doc.select("a[hreflang=ru]").eachAttr("href")).contains("/ru/stories/most-otkryt-posle-remonta");
        assertThat(doc.select("link[rel=alternate][hreflang=ru]").attr("href")).endsWith("/ru/stories/most-otkryt-posle-remonta");
    }

    @Test
    void publishingATranslationRefreshesTheCachedOriginal() throws Exception {
        story("Harbour strike enters its second week", Language.EN);
        assertThat(get("/en/stories/harbour-strike-enters-its-second-week").body()).doesNotContain("hreflang=\"ru\" lang");
        get("/en/stories/harbour-strike-enters-its-second-week");
        long en = stories.story(Language.EN, "harbour-strike-enters-its-second-week").orElseThrow().id();
        long ru = workflow.save(new StoryDraft(null, Language.RU, null, "Забастовка в порту идёт вторую неделю", "",
                "Текст", null, null, null, null, List.of(), List.of(), en, null, null, null, null, null, null, null,
                false), EDITOR);
        workflow.publish(ru, EDITOR);
        assertThat(get("/en/stories/harbour-strike-enters-its-second-week").body())
                .contains("href=\"/ru/stories/zabastovka-v-portu-idet-vtoruyu-nedelyu\"");
    }

    @Test
    void tagPagesPaginateAndRejectNonsensePages() throws Exception {
        for (int i = 0; i < 14; i++) {
            workflow.publish(workflow.save(new StoryDraft(null, Language.EN, null, "Paged story " + i, "", "Body",
                    null, null, null, null, List.of("Paging"), List.of(), null, null, null, null, null, null, null,
                    null, false), EDITOR), EDITOR);
        }
        HttpResponse<String> first = get("/en/tags/paging");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Page 1 of 2", "href=\"/en/tags/paging?page=2\"");
        assertThat(get("/en/tags/paging?page=2").body()).contains("Page 2 of 2", "rel=\"prev\"");
        assertThat(get("/en/tags/paging?page=3").statusCode()).isEqualTo(404);
        assertThat(get("/en/tags/paging?page=-1").statusCode()).isEqualTo(404);
        assertThat(get("/en/tags/paging?page=abc").statusCode()).isEqualTo(404);
        assertThat(get("/en/tags/paging?page=99999999999999999999").statusCode()).isEqualTo(404);
        assertThat(get("/en/tags/unknown-tag").statusCode()).isEqualTo(404);
        assertThat(get("/en/sections/unknown-section").statusCode()).isEqualTo(404);
        assertThat(get("/en/authors/unknown-author").statusCode()).isEqualTo(404);
    }

    @Test
    void errorPagesFollowThePageLanguageAndNeverLeakInternals() throws Exception {
        HttpResponse<String> ru = get("/ru/stories/net-takoy");
        assertThat(ru.statusCode()).isEqualTo(404);
        assertThat(ru.body()).contains("lang=\"ru\"", "Страница не найдена");
        for (String path : List.of("/en/stories/%00", "/en/stories/..%2f..%2fetc%2fpasswd", "/en/stories/" + "x".repeat(5000),
                "/en/stories/%E0%A4", "/nowhere", "/en/tags/%3Cscript%3E")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isBetween(400, 499);
            assertThat(page.body()).as(path).doesNotContain("Exception", "at org.", "<script>");
        }
    }

    @Test
    void privacyPolicyIsPublishedWithAVersion() throws Exception {
        HttpResponse<String> page = get("/en/privacy");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Privacy policy", "Version 1");
        assertThat(get("/ru/privacy").body()).contains("Политика конфиденциальности");
        assertThat(get("/en/privacy/v1").statusCode()).isEqualTo(200);
        assertThat(get("/en/privacy/v999").statusCode()).isEqualTo(404);
    }

    @Test
    void homeListsTheStory() throws Exception {
        story("Home page story", Language.EN);
        HttpResponse<String> page = get("/en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Home page story");
    }
}
