package org.samizdat.discovery.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.samizdat.content.StoryText;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.Mirrors;

/**
 * One feed's contents, whatever its format: a title, the listing page it mirrors, its own address, and the
 * newest stories in full, and the newsroom's live mirrors. Every address in a feed is absolute, on the configured
 * canonical origin.
 */
record Feed(String title, String description, Language language, String origin, String homePath, String selfPath,
        String siteName, List<StoryText> items, List<Mirrors.Mirror> mirrors) {

    private static final Pattern ROOT_RELATIVE = Pattern.compile("(src|href)=\"/(?!/)");

    String absolute(String path) {
        return origin + path;
    }

    /** The newest change among the items (or the epoch for an empty feed). */
    Instant updated() {
        return items.stream().map(s -> s.updatedAt() == null ? s.publishedAt() : s.updatedAt())
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    /** A permanent id for a story that survives changes of its address. */
    String id(StoryText story) {
        String host = URI.create(origin).getHost();
        return "tag:" + (host == null ? "localhost" : host) + ",2024:story:" + story.id();
    }

    /** The story body with its host-relative links and images made absolute, for feed readers. */
    String content(StoryText story) {
        return ROOT_RELATIVE.matcher(story.bodyHtml()).replaceAll("$1=\"" + origin.replace("$", "\\$") + "/");
    }
}
