package org.samizdat.revenue.asks;

import java.util.Locale;
import java.util.Optional;

/** The four places a newsroom asks readers for support; each may run several variants per language. */
public enum AskKind {
    /** The slim dismissible banner at the top of every page: no ads, what running the site costs, "Support us". */
    BANNER,
    /** The editor-set line about censorship above every page. */
    NOTICE,
    /** The support dialog: a letter, a signature, frequencies, suggested amounts and payment methods. */
    MODAL,
    /** The ask after the text of every story. */
    STORY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AskKind> fromCode(String code) {
        for (AskKind kind : values()) {
            if (kind.code().equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
