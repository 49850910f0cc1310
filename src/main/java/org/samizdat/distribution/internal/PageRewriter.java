package org.samizdat.distribution.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Turns a page of the live site into a page of a static mirror: root-relative links, sources and form actions
 * become relative file links (and are reported, so the export fetches them), links to what a static copy cannot
 * do point at the live site, newsroom links disappear, and forms that post become links to the live page.
 */
final class PageRewriter {

    private static final String[][] URL_ATTRIBUTES = {{"a", "href"}, {"link", "href"}, {"img", "src"},
            {"script", "src"}, {"source", "src"}, {"form", "action"}, {"area", "href"}};
    private static final Evaluator[] URL_SELECTORS = new Evaluator[URL_ATTRIBUTES.length];
    private static final Evaluator POST_FORMS = QueryParser.parse("form[method=post], form[method=POST]");
    private static final Evaluator SRCSETS = QueryParser.parse("img[srcset], source[srcset]");
    /** Parsed once rather than for every post form; parsing a {@code :not(…)} also makes a new thread-local. */
    private static final Evaluator SUBMIT = QueryParser.parse(
            "button[type=submit], button:not([type]), input[type=submit]");
    private static final Pattern CSS_URL = Pattern.compile("url\\((['\"]?)(/[^)'\"]*)\\1\\)");

    static {
        for (int i = 0; i < URL_ATTRIBUTES.length; i++) {
            URL_SELECTORS[i] = QueryParser.parse(URL_ATTRIBUTES[i][0] + "[" + URL_ATTRIBUTES[i][1] + "]");
        }
    }

    private final String liveOrigin;

    PageRewriter(String liveOrigin) {
        this.liveOrigin = liveOrigin;
    }

    /**
     * The mirror's bytes for an HTML page stored at {@code file}; addresses it links to are added to {@code found}.
     * The elements to change are gathered in one walk over the page (not one selector query each), then changed in
     * the order the queries ran: post forms, then each kind of link, then {@code srcset}s, skipping an element an
     * earlier step took out of the page, as a query run after that step would have.
     */
    byte[] html(byte[] page, String file, Set<String> found) {
        Document doc = Jsoup.parse(new String(page, StandardCharsets.UTF_8));
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        List<Element> posts = new ArrayList<>();
        List<List<Element>> links = new ArrayList<>();
        for (int i = 0; i < URL_ATTRIBUTES.length; i++) {
            links.add(new ArrayList<>());
        }
        List<Element> srcsets = new ArrayList<>();
        for (Element el : doc.getAllElements()) {
            String name = el.normalName();
            if (name.equals("form") && el.is(POST_FORMS)) {
                posts.add(el);
            }
            for (int i = 0; i < URL_ATTRIBUTES.length; i++) {
                if (name.equals(URL_ATTRIBUTES[i][0]) && el.is(URL_SELECTORS[i])) {
                    links.get(i).add(el);
                }
            }
            if ((name.equals("img") || name.equals("source")) && el.is(SRCSETS)) {
                srcsets.add(el);
            }
        }
        for (Element form : posts) {
            if (in(doc, form)) {
                replacePostForm(form);
            }
        }
        for (int i = 0; i < URL_ATTRIBUTES.length; i++) {
            for (Element el : links.get(i)) {
                if (in(doc, el)) {
                    rewrite(el, URL_ATTRIBUTES[i][1], file, found);
                }
            }
        }
        for (Element el : srcsets) {
            if (!in(doc, el)) {
                continue;
            }
            StringBuilder set = new StringBuilder();
            for (String candidate : el.attr("srcset").split(",")) {
                String[] parts = candidate.strip().split("\\s+", 2);
                String link = link(parts[0], file, found);
                set.append(set.isEmpty() ? "" : ", ").append(link == null ? parts[0] : link)
                        .append(parts.length > 1 ? " " + parts[1] : "");
            }
            el.attr("srcset", set.toString());
        }
        return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    /** Still in the page: not removed or replaced, nor inside something that was. */
    private static boolean in(Document doc, Element el) {
        return el.ownerDocument() == doc;
    }

    /** The mirror's bytes for a stylesheet: {@code url(/…)} made relative. */
    byte[] css(byte[] sheet, String file, Set<String> found) {
        Matcher m = CSS_URL.matcher(new String(sheet, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String link = link(m.group(2), file, found);
            m.appendReplacement(out, Matcher.quoteReplacement("url(" + m.group(1)
                    + (link == null ? liveOrigin + m.group(2) : link) + m.group(1) + ")"));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void rewrite(Element el, String attribute, String file, Set<String> found) {
        String value = el.attr(attribute).strip();
        if (!value.startsWith("/") || value.startsWith("//")) {
            return;
        }
        if (newsroom(value)) {
            if (el.normalName().equals("a")) {
                el.unwrap();
            } else {
                el.remove();
            }
            return;
        }
        String link = link(value, file, found);
        el.attr(attribute, link == null ? liveOrigin + value : link);
    }

    /** The relative link for a root-relative address the mirror carries, or null when it does not. */
    private static String link(String value, String file, Set<String> found) {
        if (!value.startsWith("/") || value.startsWith("//")) {
            return null;
        }
        int hash = value.indexOf('#');
        String fragment = hash < 0 ? "" : value.substring(hash);
        String address = hash < 0 ? value : value.substring(0, hash);
        int question = address.indexOf('?');
        String path = question < 0 ? address : address.substring(0, question);
        String query = question < 0 ? null : address.substring(question + 1);
        String target = SitePaths.file(path, query);
        if (target == null) {
            return null;
        }
        found.add(address);
        return SitePaths.relative(file, target) + fragment;
    }

    private void replacePostForm(Element form) {
        String action = form.attr("action").strip();
        Element button = form.selectFirst(SUBMIT);
        String label = button == null ? "" : button.is("input") ? button.attr("value") : button.text();
        if (action.isEmpty() || newsroom(action) || label.isBlank() || !action.startsWith("/") || action.startsWith("//")) {
            form.remove();
            return;
        }
        Element paragraph = new Element("p").addClass("live-link");
        paragraph.appendElement("a").attr("href", liveOrigin + action).text(label);
        form.replaceWith(paragraph);
    }

    private static boolean newsroom(String value) {
        return value.equals("/newsroom") || value.startsWith("/newsroom/") || value.startsWith("/newsroom?");
    }
}
