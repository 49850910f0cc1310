package org.samizdat.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Newsroom-wide settings from configuration ({@code samizdat.*}): its names, the canonical origin used
 * only for canonical links and feeds, the edition served at "/", and where data lives on disk.
 */
@ConfigurationProperties("samizdat")
public record SiteProperties(
        String nameEn,
        String nameRu,
        String canonicalOrigin,
        String defaultLanguage,
        String dataDir,
        Boolean demoContent) {

    public SiteProperties {
        nameEn = blankTo(nameEn, "Samizdat");
        nameRu = blankTo(nameRu, "Самиздат");
        canonicalOrigin = stripSlash(blankTo(canonicalOrigin, "http://localhost:8080"));
        defaultLanguage = blankTo(defaultLanguage, "en");
        dataDir = blankTo(dataDir, "./data");
    }

    public String name(org.samizdat.shared.Language language) {
        return language == org.samizdat.shared.Language.RU ? nameRu : nameEn;
    }

    public boolean seedsDemoContent() {
        return demoContent != null && demoContent;
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String stripSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }
}
