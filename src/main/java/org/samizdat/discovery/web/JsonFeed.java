package org.samizdat.discovery.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.samizdat.content.StoryText;
import org.samizdat.content.TagRef;
import org.samizdat.shared.web.Json;

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with the full story text as {@code content_html}. */
final class JsonFeed {

    static final String TYPE = "application/feed+json;charset=UTF-8";

    private JsonFeed() {
    }

    static byte[] write(Feed feed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", "https://jsonfeed.org/version/1.1");
        json.put("title", feed.title());
        json.put("description", feed.description());
        json.put("home_page_url", feed.absolute(feed.homePath()));
        json.put("feed_url", feed.absolute(feed.selfPath()));
        json.put("language", feed.language().code());
        List<Object> items = new ArrayList<>();
        for (StoryText story : feed.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", feed.id(story));
            item.put("url", feed.absolute(story.path()));
            item.put("title", story.headline());
            item.put("summary", story.standfirst());
            item.put("content_html", feed.content(story));
            item.put("date_published", String.valueOf(story.publishedAt()));
            item.put("date_modified", String.valueOf(story.updatedAt() == null ? story.publishedAt() : story.updatedAt()));
            item.put("authors", story.authors().stream().map(a -> Map.of("name", a.name(),
                    "url", feed.absolute(a.path(story.language())))).toList());
            item.put("tags", story.tags().stream().map(TagRef::name).toList());
            item.put("language", story.language().code());
            items.add(item);
        }
        json.put("items", items);
        if (!feed.mirrors().isEmpty()) {
            json.put("_samizdat", Map.of("mirrors", feed.mirrors().stream().map(m -> {
                Map<String, Object> mirror = new LinkedHashMap<>();
                mirror.put("kind", m.kind());
                mirror.put("url", m.address());
                mirror.put("label", m.label());
                return mirror;
            }).toList()));
        }
        return Json.write(json).getBytes(StandardCharsets.UTF_8);
    }
}
