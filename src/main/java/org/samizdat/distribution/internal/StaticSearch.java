package org.samizdat.distribution.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.samizdat.content.Stories;
import org.samizdat.content.StoryCard;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.Json;
import org.samizdat.shared.web.Pages;
import org.samizdat.shared.web.Texts;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.springframework.web.util.HtmlUtils;

/**
 * The search page of a static mirror: the reach page's chrome around a form, a script index of every story's
 * headline and standfirst per language ({@code <lang>/search/index.js}, loaded as a script so it works from
 * {@code file://} where fetching is refused) and one small script that filters it in the reader's browser.
 */
@Component
class StaticSearch {

    static final String SCRIPT = "assets/static-search.js";
    private static final int BATCH = 500;
    private static final String PREFIX = "window.samizdatSearchIndex=";

    private final Stories stories;
    private final Pages pages;

    StaticSearch(Stories stories, Pages pages) {
        this.stories = stories;
        this.pages = pages;
    }

    static String page(Language language) {
        return language.code() + "/search/index.html";
    }

    static String index(Language language) {
        return language.code() + "/search/index.js";
    }

    /** The script, the index and the page of each language, built around the mirror's reach pages. */
    Map<String, byte[]> files(Map<Language, List<Long>> live, Map<Language, byte[]> reachPages) {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put(SCRIPT, script());
        for (Language language : Language.values()) {
            files.put(index(language), index(live.get(language)));
            byte[] reach = reachPages.get(language);
            if (reach != null) {
                files.put(page(language), page(language, reach));
            }
        }
        return files;
    }

    /** Keeps the previous export's search pages and script (same build, same chrome); false if one is missing. */
    boolean carryPages(ExportRun run) {
        List<String> files = new ArrayList<>(List.of(SCRIPT));
        for (Language language : Language.values()) {
            files.add(page(language));
        }
        return files.stream().allMatch(run::carryOver);
    }

    private byte[] index(List<Long> ids) {
        return script(rows(ids));
    }

    /**
     * A language's index after an incremental export: the previous index (one row per story, in id order) with the
     * rows of the touched stories read again, added or removed, so only those stories are read. Null when the
     * previous index does not line up with the previous export's stories; the caller then builds it anew.
     */
    byte[] update(byte[] previous, List<Long> before, List<Long> now, Set<Long> touched) {
        String text = new String(previous, StandardCharsets.UTF_8);
        if (!text.startsWith(PREFIX) || !text.endsWith(";\n")) {
            return null;
        }
        JsonNode rows;
        try {
            rows = new ObjectMapper().readTree(text.substring(PREFIX.length(), text.length() - 2));
        } catch (JacksonException e) {
            return null;
        }
        if (rows == null || !rows.isArray() || rows.size() != before.size()) {
            return null;
        }
        Map<Long, Object> byId = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            List<String> row = new ArrayList<>(4);
            rows.get(i).forEach(cell -> row.add(cell.asString()));
            byId.put(before.get(i), row);
        }
        List<Long> read = now.stream().filter(id -> touched.contains(id) || !byId.containsKey(id)).toList();
        List<Object> readRows = rows(read);
        if (readRows.size() != read.size()) {
            return null;
        }
        Iterator<Object> fresh = readRows.iterator();
        List<Object> out = new ArrayList<>(now.size());
        for (Long id : now) {
            out.add(touched.contains(id) || !byId.containsKey(id) ? fresh.next() : byId.get(id));
        }
        return script(out);
    }

    private List<Object> rows(List<Long> ids) {
        List<Object> rows = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += BATCH) {
            for (StoryCard card : stories.cards(ids.subList(from, Math.min(ids.size(), from + BATCH)))) {
                String file = SitePaths.file(card.path(), null);
                rows.add(List.of(card.headline(), card.standfirst() == null ? "" : card.standfirst(),
                        SitePaths.relative(page(card.language()), file),
                        card.publishedAt() == null ? "" : card.publishedAt().toString().substring(0, 10)));
            }
        }
        return rows;
    }

    private static byte[] script(List<Object> rows) {
        return (PREFIX + Json.write(rows) + ";\n").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] page(Language language, byte[] reach) {
        Texts t = pages.texts(language);
        Document doc = Jsoup.parse(new String(reach, StandardCharsets.UTF_8));
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        doc.title(t.get("distribution.search.title") + " — " + pages.site().name(language));
        doc.select("link[rel=canonical], link[rel=alternate][hreflang], meta[property^=og:]").remove();
        Element lang = doc.selectFirst("a.lang");
        if (lang != null) {
            lang.attr("href", "../../" + language.other().code() + "/search/index.html");
        }
        Element main = doc.selectFirst("main");
        String markup = "<section id=\"static-search\" data-found=\"" + esc(t.get("distribution.search.found"))
                + "\" data-none=\"" + esc(t.get("distribution.search.none")) + "\"><h1>" + esc(t.get("distribution.search.title"))
                + "</h1><form method=\"get\" action=\"index.html\"><label for=\"static-q\">"
                + esc(t.get("distribution.search.label")) + "</label> <input id=\"static-q\" name=\"q\" type=\"search\"> "
                + "<button type=\"submit\">" + esc(t.get("distribution.search.button")) + "</button></form>"
                + "<p class=\"count\" role=\"status\"></p><noscript><p>" + esc(t.get("distribution.search.noscript"))
                + "</p></noscript><ol class=\"results\"></ol></section>"
                + "<script src=\"index.js\"></script><script src=\"../../" + SCRIPT + "\"></script>";
        if (main != null) {
            main.html(markup);
        }
        return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    private static byte[] script() {
        try (InputStream in = StaticSearch.class.getResourceAsStream("/org/samizdat/distribution/static-search.js")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
