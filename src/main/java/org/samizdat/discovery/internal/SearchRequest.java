package org.samizdat.discovery.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.samizdat.shared.Language;

/**
 * A reader's search, cleaned: the words (control characters removed, at most {@link #MAX_LENGTH}
 * characters), optional language, section and date filters, and the page. Nonsense filters are dropped,
 * never an error.
 */
public record SearchRequest(String query, Language language, String section, LocalDate from, LocalDate to,
        int page, boolean truncated) {

    public static final int MAX_LENGTH = 256;
    public static final int MAX_PAGE = 50;

    public static SearchRequest of(String q, String lang, String section, String from, String to, String page) {
        String text = clean(q);
        boolean truncated = text.codePointCount(0, text.length()) > MAX_LENGTH;
        if (truncated) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        String sectionSlug = section != null && section.matches("[a-z0-9-]{1,80}") ? section : null;
        return new SearchRequest(text, Language.fromCode(lang).orElse(null), sectionSlug, date(from), date(to),
                pageNumber(page), truncated);
    }

    public boolean blank() {
        return query.isBlank();
    }

    public boolean filtered() {
        return language != null || section != null || from != null || to != null;
    }

    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String limited = raw.length() > MAX_LENGTH * 4 ? raw.substring(0, MAX_LENGTH * 4) : raw;
        String normal = Normalizer.normalize(limited, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normal.length());
        normal.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean junk = type == Character.CONTROL || type == Character.SURROGATE || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.FORMAT;
            out.appendCodePoint(junk ? ' ' : cp);
        });
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static LocalDate date(String raw) {
        if (raw == null || !raw.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int pageNumber(String raw) {
        if (raw == null || !raw.matches("[1-9][0-9]{0,3}")) {
            return 1;
        }
        return Math.min(Integer.parseInt(raw), MAX_PAGE);
    }
}
