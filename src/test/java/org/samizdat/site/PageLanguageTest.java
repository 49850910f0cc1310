package org.samizdat.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.samizdat.revenue.RevenueOptions;
import org.samizdat.shared.Language;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * What each language's readers and search engines get besides the words: the page's {@code lang}, a description,
 * dates written the way each language writes them (month names, order) and amounts in each language's format.
 */
@AppTest
@TestPropertySource(properties = "samizdat.demo-content=true")
class PageLanguageTest {

    static final String STORY_EN = "/en/stories/parliament-votes-to-extend-the-chairman-s-term-without-an-election";
    static final String STORY_RU = "/ru/stories/parlament-prodlil-srok-predsedatelya-bez-vyborov";

    @LocalServerPort
    int port;

    @Autowired
    RevenueOptions options;

    final HttpClient http = HttpClient.newHttpClient();

    static List<String> pages() {
        return List.of("/en", "/ru", "/en/sections/politics", "/ru/sections/politics", STORY_EN, STORY_RU,
                "/en/search?q=parliament", "/ru/search", "/en/newsletter", "/ru/newsletter", "/en/privacy", "/ru/privacy",
                "/en/support", "/ru/support", "/en/no-such-page", "/ru/no-such-page");
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyPageHasItsLanguageAndADescription(String path) throws Exception {
        Document page = get(path);
        assertThat(page.select("html").attr("lang")).isEqualTo(path.substring(1, 3));
        Element description = page.selectFirst("head meta[name=description]");
        assertThat(description).as(path).isNotNull();
        assertThat(description.attr("content")).as(path).isNotBlank();
        boolean russian = description.attr("content").chars()
                .anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
        assertThat(russian).as("description of %s in the page's language", path).isEqualTo(path.startsWith("/ru"));
    }

    @Test
    void datesAreWrittenTheWayEachLanguageWritesThem() throws Exception {
        Element en = get(STORY_EN).selectFirst("article.story time[datetime]");
        Element ru = get(STORY_RU).selectFirst("article.story time[datetime]");
        assertThat(Instant.parse(en.attr("datetime"))).isNotNull();
        assertThat(en.text()).matches(".*(January|February|March|April|May|June|July|August|September|October"
                + "|November|December).*");
        assertThat(ru.text()).matches(".*(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября"
                + "|ноября|декабря).*");
    }

    @Test
    void amountsAreWrittenTheWayEachLanguageWritesThem() {
        String en = options.format(123_456, "USD", Language.EN);
        String ru = options.format(123_456, "USD", Language.RU);
        assertThat(en).contains("1,234.56");
        assertThat(ru.replace('\u00a0', ' ').replace('\u202f', ' ')).contains("1 234,56");
    }

    private Document get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        return Jsoup.parse(response.body());
    }
}
