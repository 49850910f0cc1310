package org.samizdat.site;

import org.samizdat.shared.Language;

/** A new version of the privacy policy went live in one language. */
public record PrivacyPolicyPublished(Language language, int version) {
}
