package org.samizdat.newsletter.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import org.samizdat.shared.web.Texts;
import org.samizdat.staff.FieldErrors;

/** The send time an editor types ({@code datetime-local}, in the newsroom's zone) and how it is shown back. */
final class SendTime {

    private SendTime() {
    }

    /** The instant meant, or null with the reason added to {@code errors} (malformed, or not in the future). */
    static Instant parse(String typed, ZoneId zone, Instant now, FieldErrors errors) {
        try {
            Instant at = LocalDateTime.parse(typed.strip()).atZone(zone).toInstant();
            if (!at.isAfter(now)) {
                errors.add("sendAt", "newsroom.newsletter.sendAtPast");
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add("sendAt", "newsroom.newsletter.sendAtBad");
            return null;
        }
    }

    static String show(Instant at, ZoneId zone, Texts t) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(t.locale())
                .withZone(zone).format(at) + " (" + zone.getId() + ")";
    }
}
