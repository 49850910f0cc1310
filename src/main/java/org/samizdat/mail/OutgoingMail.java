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
        refuseBreaks(to);
        refuseBreaks(subject);
        headers.forEach((name, value) -> {
            if (!name.matches("[A-Za-z0-9-]{1,76}")) {
                throw new IllegalArgumentException("Invalid header name");
            }
            refuseBreaks(value);
        });
    }

    public OutgoingMail(String to, String subject, String html, String text) {
        this(to, subject, html, text, Map.of());
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
