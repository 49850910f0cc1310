package org.samizdat.discovery.internal;

import java.time.Instant;
import org.samizdat.shared.Language;

/**
 * One result: where the story lives, its headline, and a snippet of HTML in which everything is escaped
 * except the {@code <mark>} elements around matched words.
 */
public record SearchHit(long id, Language language, String path, String headline, String snippetHtml,
        String sectionName, Instant publishedAt) {
}
