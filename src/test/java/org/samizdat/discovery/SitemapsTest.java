package org.samizdat.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Sitemap index, paged story sitemaps, the news sitemap and robots.txt, as crawlers read them. */
@AppTest
class SitemapsTest {

    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

    @LocalServerPort
    int port;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    CatalogRepository catalog;

    static Document xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> texts(Document doc, String namespace, String name) {
        NodeList nodes = doc.getElementsByTagNameNS(namespace, name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void sitemapsListLiveStoriesAndRobotsNameThem() throws Exception {
        Desk desk = new Desk(workflow, catalog, port);
        desk.publish(Language.EN, "Sitemap story one", "Text", null, List.of());
        long withdrawn = desk.publish(Language.RU, "Карта сайта", "Текст", null, List.of());
        desk.withdraw(withdrawn);

        Document index = xml(desk.get("/sitemap.xml").body());
        assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
        assertThat(texts(index, SITEMAP, "loc")).contains("http://localhost:8080/sitemaps/stories-1.xml",
                "http://localhost:8080/sitemaps/news.xml");

        Document stories = xml(desk.get("/sitemaps/stories-1.xml").body());
        assertThat(texts(stories, SITEMAP, "loc")).contains("http://localhost:8080/en/stories/sitemap-story-one")
                .doesNotContain("http://localhost:8080/ru/stories/karta-sayta");
        assertThat(texts(stories, SITEMAP, "lastmod")).allMatch(s -> s.matches("\\d{4}-\\d{2}-\\d{2}T.*Z"));

        Document news = xml(desk.get("/sitemaps/news.xml").body());
        assertThat(texts(news, NEWS, "title")).contains("Sitemap story one");
        assertThat(texts(news, NEWS, "language")).contains("en");

        assertThat(desk.get("/sitemaps/stories-999.xml").statusCode()).isEqualTo(404);
        String robots = desk.get("/robots.txt").body();
        assertThat(robots).contains("Disallow: /newsroom", "Sitemap: http://localhost:8080/sitemap.xml",
                "Sitemap: http://localhost:8080/sitemaps/news.xml");
    }
}
