package org.samizdat.mail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One message to one reader: the recipient, a subject (any script; encoded per RFC 2047 when sent), an HTML
 * and a plain-text body sent together as multipart/alternative, and extra headers such as List-Unsubscribe.
 * Line breaks in the recipient, subject or headers are refused here, so no input can inject a header.
 */
public record OutgoingMail(String to, String subject, String html, String text, Map<String, String> headers) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        refuseBreaks(subject);
        check(to, headers);
    }

    public OutgoingMail(String to, String subject, String html, String text) {
        this(to, subject, html, text, Map.of());
    }

    /** Refuses what {@link OutgoingMail} refuses in a recipient and extra headers, without building a mail. */
    static void check(String to, Map<String, String> headers) {
        refuseBreaks(to);
        headers.forEach((name, value) -> {
            if (!headerName(name)) {
                throw new IllegalArgumentException("Invalid header name");
            }
            refuseBreaks(value);
        });
    }

    /** Letters, digits and dashes, 1 to 76 of them. */
    private static boolean headerName(String name) {
        if (name.isEmpty() || name.length() > 76) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static void refuseBreaks(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("Line break in a mail header");
            }
        }
    }
}
