package org.samizdat.discovery.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.samizdat.content.Stories;
import org.samizdat.content.StoryStamp;
import org.samizdat.shared.web.NotFound;
import org.samizdat.shared.web.Pages;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * For search engines: a sitemap index ({@code /sitemap.xml}) naming paged sitemaps of every live story and a
 * Google News sitemap of the last 48 hours, and {@code /robots.txt} naming them and keeping crawlers out of
 * the newsroom. Addresses are absolute on the canonical origin, as the sitemap protocol requires.
 */
@Controller
class SitemapController {

    static final int PER_PAGE = 10_000;
    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final Stories stories;
    private final Pages pages;
    private final Clock clock;

    SitemapController(Stories stories, Pages pages, Clock clock) {
        this.stories = stories;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<byte[]> index() {
        int pagesOfStories = Math.max(1, (stories.countLive() + PER_PAGE - 1) / PER_PAGE);
        String origin = pages.site().canonicalOrigin();
        return xml(Xml.document(xml -> {
            xml.setDefaultNamespace(SITEMAP);
            xml.writeStartElement(SITEMAP, "sitemapindex");
            xml.writeDefaultNamespace(SITEMAP);
            for (int page = 1; page <= pagesOfStories; page++) {
                xml.writeStartElement("sitemap");
                Xml.element(xml, "loc", origin + "/sitemaps/stories-" + page + ".xml");
                xml.writeEndElement();
            }
            xml.writeStartElement("sitemap");
            Xml.element(xml, "loc", origin + "/sitemaps/news.xml");
            xml.writeEndElement();
            xml.writeEndElement();
        }));
    }

    @GetMapping("/sitemaps/stories-{page:[1-9][0-9]{0,4}}.xml")
    ResponseEntity<byte[]> stories(@PathVariable int page) {
        List<StoryStamp> stamps = stories.stamps(PER_PAGE, (page - 1) * PER_PAGE);
        if (stamps.isEmpty() && page > 1) {
            throw new NotFound();
        }
        String origin = pages.site().canonicalOrigin();
        return xml(Xml.document(xml -> {
            xml.setDefaultNamespace(SITEMAP);
            xml.writeStartElement(SITEMAP, "urlset");
            xml.writeDefaultNamespace(SITEMAP);
            for (StoryStamp story : stamps) {
                xml.writeStartElement("url");
                Xml.element(xml, "loc", origin + story.path());
                Xml.element(xml, "lastmod", String.valueOf(story.updatedAt()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }));
    }

    @GetMapping("/sitemaps/news.xml")
    ResponseEntity<byte[]> news() {
        List<StoryStamp> recent = stories.publishedSince(clock.instant().minus(Duration.ofHours(48)), 1000);
        String origin = pages.site().canonicalOrigin();
        return xml(Xml.document(xml -> {
            xml.setDefaultNamespace(SITEMAP);
            xml.writeStartElement(SITEMAP, "urlset");
            xml.writeDefaultNamespace(SITEMAP);
            xml.writeNamespace("news", NEWS);
            for (StoryStamp story : recent) {
                xml.writeStartElement("url");
                Xml.element(xml, "loc", origin + story.path());
                xml.writeStartElement("news", "news", NEWS);
                xml.writeStartElement("news", "publication", NEWS);
                newsElement(xml, "name", pages.site().name(story.language()));
                newsElement(xml, "language", story.language().code());
                xml.writeEndElement();
                newsElement(xml, "publication_date", String.valueOf(story.publishedAt()));
                newsElement(xml, "title", story.headline());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }));
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> robots() {
        String origin = pages.site().canonicalOrigin();
        return ResponseEntity.ok("User-agent: *\nDisallow: /newsroom\n\nSitemap: " + origin + "/sitemap.xml\nSitemap: "
                + origin + "/sitemaps/news.xml\n");
    }

    private static void newsElement(javax.xml.stream.XMLStreamWriter xml, String name, String text)
            throws javax.xml.stream.XMLStreamException {
        xml.writeStartElement("news", name, NEWS);
        xml.writeCharacters(Xml.clean(text));
        xml.writeEndElement();
    }

    private static ResponseEntity<byte[]> xml(byte[] body) {
        return ResponseEntity.ok().contentType(XML).body(body);
    }
}
