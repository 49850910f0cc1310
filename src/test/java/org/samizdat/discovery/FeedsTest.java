package org.samizdat.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Feeds parse as valid RSS 2.0, Atom and JSON Feed, carry the full text, and follow content changes. */
@AppTest
class FeedsTest {

    @LocalServerPort
    int port;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    CatalogRepository catalog;

    Desk desk;

    @BeforeEach
    void desk() {
        desk = new Desk(workflow, catalog, port);
    }

    static SyndFeed parse(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return new SyndFeedInput().build(new StringReader(response.body()));
    }

    static List<String> titles(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getTitle).toList();
    }

    @Test
    void editionFeedsParseAndCarryTheFullText() throws Exception {
        desk.authors = List.of(desk.author("feed-writer", "Feed Writer"));
        desk.publish(Language.EN, "Feed story <with> & marks", "Full **text** of the feed story, ![p](/media/1/w640.jpg)",
                desk.section("feed-section"), List.of("Feedtag"));
        HttpResponse<String> rssResponse = desk.get("/en/feed.xml");
        assertThat(rssResponse.headers().firstValue("Content-Type").orElse("")).startsWith("application/rss+xml");
        SyndFeed rss = parse(rssResponse);
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        SyndEntry entry = rss.getEntries().stream().filter(e -> e.getTitle().equals("Feed story <with> & marks"))
                .findFirst().orElseThrow();
        assertThat(entry.getLink()).isEqualTo("http://localhost:8080/en/stories/feed-story-with-marks");
        assertThat(entry.getContents().get(0).getValue()).contains("<strong>text</strong>");
        assertThat(entry.getAuthor()).isEqualTo("Feed Writer");
        assertThat(rssResponse.body()).doesNotContain("src=\"/media");

        SyndFeed atom = parse(desk.get("/en/atom.xml"));
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        SyndEntry atomEntry = atom.getEntries().stream().filter(e -> e.getTitle().startsWith("Feed story")).findFirst()
                .orElseThrow();
        assertThat(atomEntry.getContents().get(0).getValue()).contains("<strong>text</strong>");
        assertThat(atomEntry.getLink()).isEqualTo("http://localhost:8080/en/stories/feed-story-with-marks");

        HttpResponse<String> json = desk.get("/en/feed.json");
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/feed+json");
        Map<String, Object> parsed = JsonParserFactory.getJsonParser().parseMap(json.body());
        assertThat(parsed.get("version")).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(parsed.get("feed_url")).isEqualTo("http://localhost:8080/en/feed.json");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) parsed.get("items");
        assertThat(items).anySatisfy(item -> {
            assertThat(item.get("title")).isEqualTo("Feed story <with> & marks");
            assertThat((String) item.get("content_html")).contains("<strong>text</strong>");
            assertThat(item.get("id")).isNotNull();
        });
    }

    @Test
    void sectionTagAndAuthorFeedsExistInEveryFormat() throws Exception {
        desk.authors = List.of(desk.author("scoped-writer", "Scoped Writer"));
        desk.publish(Language.RU, "Лента раздела", "Текст", desk.section("scoped"), List.of("Лентатег"));
        for (String base : List.of("/ru/sections/scoped", "/ru/tags/lentateg", "/ru/authors/scoped-writer")) {
            assertThat(titles(parse(desk.get(base + "/feed.xml")))).as(base).containsExactly("Лента раздела");
            assertThat(titles(parse(desk.get(base + "/atom.xml")))).as(base).containsExactly("Лента раздела");
            assertThat(desk.get(base + "/feed.json").body()).as(base).contains("Лента раздела");
        }
        assertThat(desk.get("/ru/sections/no-such-section/feed.xml").statusCode()).isEqualTo(404);
        assertThat(desk.get("/ru/tags/no-such-tag/atom.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void feedsAnswerConditionalRequestsAndFollowPublishing() throws Exception {
        long section = desk.section("conditional");
        desk.publish(Language.EN, "First conditional story", "Text", section, List.of());
        HttpResponse<String> first = desk.get("/en/sections/conditional/feed.xml");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Last-Modified")).isPresent();
        assertThat(desk.get("/en/sections/conditional/feed.xml", "If-None-Match", etag).statusCode()).isEqualTo(304);
        long second = desk.publish(Language.EN, "Second conditional story", "Text", section, List.of());
        assertThat(titles(parse(desk.get("/en/sections/conditional/feed.xml"))))
                .containsExactly("Second conditional story", "First conditional story");
        assertThat(desk.get("/en/sections/conditional/feed.xml", "If-None-Match", etag).statusCode()).isEqualTo(200);
        desk.withdraw(second);
        assertThat(titles(parse(desk.get("/en/sections/conditional/atom.xml")))).containsExactly("First conditional story");
    }

    @Test
    void everyPageLinksItsEditionFeeds() throws Exception {
        var doc = Jsoup.parse(desk.get("/ru").body());
        assertThat(doc.select("link[rel=alternate][type=application/rss+xml]").attr("href")).isEqualTo("/ru/feed.xml");
        assertThat(doc.select("link[rel=alternate][type=application/atom+xml]").attr("href")).isEqualTo("/ru/atom.xml");
        assertThat(doc.select("link[rel=alternate][type=application/feed+json]").attr("href")).isEqualTo("/ru/feed.json");
    }
}
