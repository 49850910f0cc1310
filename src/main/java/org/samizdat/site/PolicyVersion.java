package org.samizdat.site;

import java.time.Instant;
import org.samizdat.shared.Language;

/** One published version of the privacy policy in one language; consent records point at its version number. */
public record PolicyVersion(long id, Language language, int version, String title, String bodyMarkdown,
        String bodyHtml, Instant publishedAt) {
}
