package org.samizdat.shared.web;

import java.util.Locale;
import org.samizdat.shared.Language;

/**
 * What the site layout needs to know about a page: its language and words, title, description,
 * the host-relative path of the page and of its other-language edition, and what to tell
 * link previews and search engines (OpenGraph, JSON-LD), and the other modules' {@link PageParts}.
 * Only {@link #canonicalUrl()} is absolute.
 */
public record PageMeta(
        Language language,
        Texts t,
        String siteName,
        String title,
        String description,
        String path,
        String canonicalOrigin,
        String alternatePath,
        String ogType,
        String ogImagePath,
        String jsonLd,
        boolean noindex,
        PageParts parts) {

    public String canonicalUrl() {
        return canonicalOrigin + path;
    }

    public String absolute(String hostRelativePath) {
        return canonicalOrigin + hostRelativePath;
    }

    public String fullTitle() {
        return title == null || title.isBlank() || title.equals(siteName) ? siteName : title + " — " + siteName;
    }

    public String lang() {
        return language.code();
    }

    public Locale locale() {
        return language.locale();
    }

    public PageMeta withOpenGraph(String type, String imagePath, String jsonLdText) {
        return new PageMeta(language, t, siteName, title, description, path, canonicalOrigin, alternatePath,
                type, imagePath, jsonLdText, noindex, parts);
    }

    public PageMeta withAlternate(String otherLanguagePath) {
        return new PageMeta(language, t, siteName, title, description, path, canonicalOrigin, otherLanguagePath,
                ogType, ogImagePath, jsonLd, noindex, parts);
    }

    public PageMeta hiddenFromSearch() {
        return new PageMeta(language, t, siteName, title, description, path, canonicalOrigin, alternatePath,
                ogType, ogImagePath, jsonLd, true, parts);
    }
}
