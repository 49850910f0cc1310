package org.samizdat.discovery.web;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.samizdat.content.AuthorRef;
import org.samizdat.content.StoryText;
import org.samizdat.content.TagRef;

/** Atom (RFC 4287) with the full story text as HTML content. */
final class AtomFeed {

    static final String TYPE = "application/atom+xml;charset=UTF-8";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    static byte[] write(Feed feed) {
        return Xml.document(xml -> {
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", feed.language().code());
            Xml.element(xml, "title", feed.title());
            Xml.element(xml, "subtitle", feed.description());
            Xml.element(xml, "id", feed.absolute(feed.homePath()));
            link(xml, "alternate", "text/html", feed.absolute(feed.homePath()));
            link(xml, "self", "application/atom+xml", feed.absolute(feed.selfPath()));
            Xml.element(xml, "updated", feed.updated().toString());
            xml.writeStartElement("author");
            Xml.element(xml, "name", feed.siteName());
            xml.writeEndElement();
            for (StoryText story : feed.items()) {
                entry(xml, feed, story);
            }
            xml.writeEndElement();
        });
    }

    private static void entry(XMLStreamWriter xml, Feed feed, StoryText story) throws XMLStreamException {
        xml.writeStartElement("entry");
        Xml.element(xml, "title", story.headline());
        Xml.element(xml, "id", feed.id(story));
        link(xml, "alternate", "text/html", feed.absolute(story.path()));
        Xml.element(xml, "published", String.valueOf(story.publishedAt()));
        Xml.element(xml, "updated", String.valueOf(story.updatedAt() == null ? story.publishedAt() : story.updatedAt()));
        for (AuthorRef author : story.authors()) {
            xml.writeStartElement("author");
            Xml.element(xml, "name", author.name());
            Xml.element(xml, "uri", feed.absolute(author.path(story.language())));
            xml.writeEndElement();
        }
        if (story.section() != null) {
            category(xml, story.section().slug(), story.section().name(story.language()));
        }
        for (TagRef tag : story.tags()) {
            category(xml, tag.slug(), tag.name());
        }
        Xml.element(xml, "summary", story.standfirst());
        xml.writeStartElement("content");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(Xml.clean(feed.content(story)));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static void category(XMLStreamWriter xml, String term, String label) throws XMLStreamException {
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", term);
        xml.writeAttribute("label", label);
    }
}
