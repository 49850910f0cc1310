package org.samizdat.discovery.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.samizdat.content.AuthorRef;
import org.samizdat.content.StoryText;
import org.samizdat.content.TagRef;

/** RSS 2.0 with the full story text in {@code content:encoded}. */
final class RssFeed {

    static final String TYPE = "application/rss+xml;charset=UTF-8";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private RssFeed() {
    }

    static byte[] write(Feed feed) {
        return Xml.document(xml -> {
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("content", CONTENT);
            xml.writeNamespace("dc", DC);
            xml.writeNamespace("atom", ATOM);
            xml.writeStartElement("channel");
            Xml.element(xml, "title", feed.title());
            Xml.element(xml, "link", feed.absolute(feed.homePath()));
            Xml.element(xml, "description", feed.description());
            Xml.element(xml, "language", feed.language().code());
            Xml.element(xml, "lastBuildDate", date(feed.updated()));
            xml.writeEmptyElement("atom", "link", ATOM);
            xml.writeAttribute("href", feed.absolute(feed.selfPath()));
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            for (StoryText story : feed.items()) {
                item(xml, feed, story);
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    private static void item(XMLStreamWriter xml, Feed feed, StoryText story) throws XMLStreamException {
        xml.writeStartElement("item");
        Xml.element(xml, "title", story.headline());
        Xml.element(xml, "link", feed.absolute(story.path()));
        xml.writeStartElement("guid");
        xml.writeAttribute("isPermaLink", "false");
        xml.writeCharacters(feed.id(story));
        xml.writeEndElement();
        Xml.element(xml, "description", story.standfirst());
        xml.writeStartElement("content", "encoded", CONTENT);
        xml.writeCData(Xml.clean(feed.content(story)).replace("]]>", "]]]]><![CDATA[>"));
        xml.writeEndElement();
        Xml.element(xml, "pubDate", date(story.publishedAt()));
        for (AuthorRef author : story.authors()) {
            xml.writeStartElement("dc", "creator", DC);
            xml.writeCharacters(author.name());
            xml.writeEndElement();
        }
        if (story.section() != null) {
            Xml.element(xml, "category", story.section().name(story.language()));
        }
        for (TagRef tag : story.tags()) {
            Xml.element(xml, "category", tag.name());
        }
        xml.writeEndElement();
    }

    static String date(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format((instant == null ? Instant.EPOCH : instant).atOffset(ZoneOffset.UTC));
    }
}
