package org.samizdat.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.samizdat.mail.OutgoingMail;

/** CR, LF and NUL in every header-bound field of an outgoing mail are refused before anything is sent. */
class MailHeaderInjectionTest {

    static final List<String> BREAKS = List.of("a@example.org\r\nBcc: victim@example.org", "a@example.org\nBcc: x@y.org",
            "a@example.org\rBcc: x@y.org", "Subject\r\n\r\n<html>body</html>", "x\u0000y", "\r\n", "tail\n");

    /** Each mail field and how a value lands in it. */
    static final Map<String, Function<String, OutgoingMail>> FIELDS = Map.of(
            "to", v -> new OutgoingMail(v, "Subject", "<p>h</p>", "t"),
            "subject", v -> new OutgoingMail("reader@example.org", v, "<p>h</p>", "t"),
            "header value", v -> new OutgoingMail("reader@example.org", "Subject", "<p>h</p>", "t", Map.of("List-Id", v)),
            "header name", v -> new OutgoingMail("reader@example.org", "Subject", "<p>h</p>", "t", Map.of(v, "x")));

    @Test
    void lineBreaksInAnyHeaderFieldAreRefused() {
        FIELDS.forEach((field, mail) -> {
            for (String value : BREAKS) {
                assertThatThrownBy(() -> mail.apply(value)).as(field + " " + value.replace("\r", "\\r").replace("\n", "\\n"))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        });
    }

    @Test
    void plainValuesAndBreaksInTheBodyAreFine() {
        assertThatCode(() -> new OutgoingMail("reader@example.org", "Выпуск №1: «новости»", "<p>a</p>\r\n<p>b</p>",
                "a\r\nb", Map.of("List-Unsubscribe", "<https://example.org/u>"))).doesNotThrowAnyException();
    }
}
