package org.samizdat.content.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.samizdat.content.AuthorRef;
import org.samizdat.content.PublishedStory;
import org.samizdat.content.StoryCard;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryFilter;
import org.samizdat.content.internal.StoryRepository;
import org.samizdat.shared.Language;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The whole app started with demo content on: the newsroom is seeded once, with photos that serve. */
@AppTest
@TestPropertySource(properties = "samizdat.demo-content=true")
class DemoContentTest {

    @LocalServerPort
    int port;

    @Autowired
    StoryRepository stories;

    @Autowired
    CatalogRepository catalog;

    @Autowired
    org.samizdat.content.Stories readers;

    @Autowired
    DemoSeeder seeder;

    @Autowired
    DemoBulkStories bulk;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void seedsBothEditions() {
        assertThat(stories.countLive(Language.EN)).isGreaterThanOrEqualTo(30);
        assertThat(stories.countLive(Language.RU)).isGreaterThanOrEqualTo(15);
        assertThat(catalog.sections()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(catalog.authors()).hasSizeGreaterThanOrEqualTo(5).allSatisfy(a -> assertThat(a.photoId()).isNotNull());
        List<StoryCard> front = readers.front(Language.EN, 3);
        assertThat(front.get(0).headline()).isEqualTo("Parliament votes to extend the Chairman's term without an election");
    }

    @Test
    void publishTimesAreSpreadOverPastWeeks() {
        List<StoryCard> english = demo(Language.EN);
        java.time.Instant newest = english.get(0).publishedAt();
        java.time.Instant oldest = english.get(english.size() - 1).publishedAt();
        assertThat(java.time.Duration.between(oldest, newest).toDays()).isGreaterThanOrEqualTo(21);
        assertThat(newest).isBefore(java.time.Instant.now());
    }

    @Test
    void everyStoryAndAuthorHasAPhotoThatServes() throws Exception {
        List<Long> photos = new ArrayList<>();
        for (Language language : Language.values()) {
            for (StoryCard card : demo(language)) {
                assertThat(card.leadMediaId()).as(card.slug()).isNotNull();
                photos.add(card.leadMediaId());
            }
        }
        catalog.authors().stream().map(AuthorRef::photoId).forEach(photos::add);
        for (Long id : photos.stream().distinct().toList()) {
            HttpResponse<String> photo = get("/media/" + id + "/w640.jpg");
            assertThat(photo.statusCode()).isEqualTo(200);
            assertThat(photo.headers().firstValue("Content-Type")).contains("image/jpeg");
        }
    }

    @Test
    void russianStoriesLinkToTheirEnglishOriginals() throws Exception {
        PublishedStory drills = readers.story(Language.RU, "armiya-provodit-ucheniya-u-severnoy-granitsy-treti-za-god")
                .orElseThrow();
        assertThat(drills.translationPath()).isEqualTo(
                "/en/stories/army-holds-drills-near-the-northern-border-for-the-third-time-this-year");
        assertThat(drills.leadCredit()).isNotBlank();
        HttpResponse<String> page = get(drills.path());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("учениях", "hreflang=\"en\"", "<blockquote>", "Фото:");
        HttpResponse<String> english = get(drills.translationPath());
        assertThat(english.body()).contains("<h2>Villagers kept indoors</h2>", "Photo: Samizdat archive", "Ilya Voronets");
    }

    @Test
    void seedingAgainAddsNothing() {
        int before = stories.countAll();
        int sections = catalog.sections().size();
        int authors = catalog.authors().size();
        assertThat(seeder.seed()).isFalse();
        assertThat(stories.countAll()).isEqualTo(before);
        assertThat(catalog.sections()).hasSize(sections);
        assertThat(catalog.authors()).hasSize(authors);
    }

    @Test
    void generatesBenchmarkStoriesUpToTheWantedNumber() throws Exception {
        int live = stories.countLive(Language.EN) + stories.countLive(Language.RU);
        assertThat(bulk.generate(45)).isEqualTo(45);
        assertThat(bulk.generate(45)).isZero();
        assertThat(bulk.generate(50)).isEqualTo(5);
        assertThat(stories.countWithSlugPrefix(DemoBulkStories.SLUG_PREFIX)).isEqualTo(50);
        assertThat(stories.countLive(Language.EN) + stories.countLive(Language.RU)).isEqualTo(live + 50);
        assertThat(stories.countLive(Language.RU)).isGreaterThanOrEqualTo(15 + 10);

        long id = stories.list(new StoryFilter(Language.EN, null, null, null, null), 1000, 0).stream()
                .filter(s -> s.slug().startsWith(DemoBulkStories.SLUG_PREFIX)).findFirst().orElseThrow().id();
        PublishedStory story = readers.story(id).orElseThrow();
        String text = story.bodyHtml().replaceAll("<[^>]+>", " ");
        assertThat(text.split("\\s+").length).isBetween(500, 1400);
        assertThat(story.bodyHtml()).contains("<h2>", "<p>");
        assertThat(story.tags()).isNotEmpty();
        assertThat(story.authors()).hasSize(1);
        assertThat(get(story.path()).statusCode()).isEqualTo(200);
    }

    private List<StoryCard> demo(Language language) {
        return stories.latestChronological(language, 1000, 0).stream()
                .filter(c -> !c.slug().startsWith(DemoBulkStories.SLUG_PREFIX)).toList();
    }
}
