package org.samizdat.shared;

import java.util.Locale;
import java.util.Optional;

/** The language editions a newsroom publishes in; the code is the first path segment of every public page. */
public enum Language {
    EN("en", Locale.ENGLISH),
    RU("ru", Locale.forLanguageTag("ru"));

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    public Language other() {
        return this == EN ? RU : EN;
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language l : values()) {
            if (l.code.equalsIgnoreCase(code)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    public static Language of(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("Unknown language: " + code));
    }
}
