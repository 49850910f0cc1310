package org.samizdat.discovery.web;

import org.samizdat.shared.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.samizdat.content.AuthorRef;
import org.samizdat.content.SectionRef;
import org.samizdat.content.Stories;
import org.samizdat.content.StoryCard;
import org.samizdat.content.StoryPaths;
import org.samizdat.content.TagRef;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.Mirrors;
import org.samizdat.shared.web.NotFound;
import org.samizdat.shared.web.Pages;
import org.samizdat.shared.web.Texts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Full-text feeds of every listing, per language: the edition, each section, tag and author, each as RSS
 * 2.0 ({@code feed.xml}), Atom ({@code atom.xml}) and JSON Feed ({@code feed.json}), with ETag and
 * Last-Modified so feed readers poll cheaply. The page cache keeps them like pages. The newsroom's live mirrors
 * ride along in each feed's description (and in JSON Feed as the extension {@code _samizdat.mirrors}).
 */
@Controller
class FeedController {

    static final int ITEMS = 20;
    private static final String FILE = "{file:feed\\.xml|atom\\.xml|feed\\.json}";

    private final Stories stories;
    private final Pages pages;
    private final ObjectProvider<Mirrors> mirrors;

    FeedController(Stories stories, Pages pages, ObjectProvider<Mirrors> mirrors) {
        this.stories = stories;
        this.pages = pages;
        this.mirrors = mirrors;
    }

    @GetMapping("/{lang:en|ru}/" + FILE)
    ResponseEntity<byte[]> edition(@PathVariable String lang, @PathVariable String file, HttpServletRequest request) {
        Language language = Language.of(lang);
        String site = pages.site().name(language);
        return respond(feed(language, site, StoryPaths.home(language), file,
                stories.newest(language, null, null, null, ITEMS)), file, request);
    }

    @GetMapping("/{lang:en|ru}/{kind:sections|tags|authors}/{slug}/" + FILE)
    ResponseEntity<byte[]> listing(@PathVariable String lang, @PathVariable String kind, @PathVariable String slug,
            @PathVariable String file, HttpServletRequest request) {
        Language language = Language.of(lang);
        Texts t = pages.texts(language);
        String site = pages.site().name(language);
        Feed feed;
        if (kind.equals("sections")) {
            SectionRef section = stories.section(slug).orElseThrow(NotFound::new);
            feed = feed(language, t.get("feed.titleFor", site, section.name(language)), section.path(language), file,
                    stories.newest(language, section, null, null, ITEMS));
        } else if (kind.equals("tags")) {
            TagRef tag = stories.tag(language, slug).orElseThrow(NotFound::new);
            feed = feed(language, t.get("feed.titleFor", site, tag.name()), tag.path(), file,
                    stories.newest(language, null, tag, null, ITEMS));
        } else {
            AuthorRef author = stories.author(slug).orElseThrow(NotFound::new);
            feed = feed(language, t.get("feed.titleFor", site, author.name()), author.path(language), file,
                    stories.newest(language, null, null, author, ITEMS));
        }
        return respond(feed, file, request);
    }

    private Feed feed(Language language, String title, String homePath, String file, List<StoryCard> cards) {
        String site = pages.site().name(language);
        Mirrors list = mirrors.getIfAvailable();
        List<Mirrors.Mirror> ways = list == null ? List.of() : list.live();
        String description = pages.texts(language).get("feed.description", site) + (ways.isEmpty() ? ""
                : " " + pages.texts(language).get("feed.mirrors", String.join(", ", ways.stream().map(Mirrors.Mirror::address).toList())));
        return new Feed(title, description, language, pages.site().canonicalOrigin(), homePath, homePath + "/" + file,
                site, stories.texts(cards.stream().map(StoryCard::id).toList()), ways);
    }

    private static ResponseEntity<byte[]> respond(Feed feed, String file, HttpServletRequest request) {
        byte[] body;
        String type;
        switch (file) {
            case "atom.xml" -> { body = AtomFeed.write(feed); type = AtomFeed.TYPE; }
            case "feed.json" -> { body = JsonFeed.write(feed); type = JsonFeed.TYPE; }
            default -> { body = RssFeed.write(feed); type = RssFeed.TYPE; }
        }
        String etag = "\"" + digest(body) + "\"";
        long modified = feed.updated().truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
        if (new ServletWebRequest(request).checkNotModified(etag, modified)) {
            return ResponseEntity.status(304).eTag(etag).lastModified(modified).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type)).eTag(etag).lastModified(modified)
                .body(body);
    }

    private static String digest(byte[] body) {
        return Sha256.prefix(body, 12);
    }
}
