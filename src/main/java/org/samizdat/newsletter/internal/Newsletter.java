package org.samizdat.newsletter.internal;

import org.samizdat.shared.Language;

/** A newsletter readers can subscribe to, written in one language. */
public record Newsletter(long id, String code, Language language, String name) {
}
