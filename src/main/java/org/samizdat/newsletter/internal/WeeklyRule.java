package org.samizdat.newsletter.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * "Every Friday at 10:00, Europe/Riga": a day of the week and a wall-clock time in an IANA zone. On the night the
 * clocks go forward a time that does not exist that day happens later by the length of the gap (02:30 becomes
 * 03:30); on the night they go back a time that happens twice happens at its first (summer-time) instance only.
 */
public record WeeklyRule(DayOfWeek day, LocalTime time, ZoneId zone) {

    public WeeklyRule {
        time = time.truncatedTo(ChronoUnit.MINUTES);
    }

    /** The first occurrence strictly after {@code after}. */
    public Instant nextAfter(Instant after) {
        LocalDate date = after.atZone(zone).toLocalDate().with(TemporalAdjusters.nextOrSame(day));
        while (true) {
            Instant candidate = ZonedDateTime.of(date, time, zone).toInstant();
            if (candidate.isAfter(after)) {
                return candidate;
            }
            date = date.plusWeeks(1);
        }
    }

    /**
     * Reads a rule from a form: ISO day number (1 Monday … 7 Sunday), {@code HH:MM} and a region zone id such as
     * {@code Europe/Riga}. Throws {@link Invalid} naming the field at fault.
     */
    public static WeeklyRule parse(String day, String time, String zone) {
        DayOfWeek dayOfWeek;
        try {
            dayOfWeek = DayOfWeek.of(Integer.parseInt(day == null ? "" : day.strip()));
        } catch (NumberFormatException | DateTimeException e) {
            throw new Invalid("day");
        }
        LocalTime localTime;
        try {
            String text = time == null ? "" : time.strip();
            if (!text.matches("[0-9]{1,2}:[0-9]{2}")) {
                throw new Invalid("time");
            }
            localTime = LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw new Invalid("time");
        }
        String zoneText = zone == null ? "" : zone.strip();
        if (zoneText.length() > 64 || !zoneText.contains("/") || !ZoneId.getAvailableZoneIds().contains(zoneText)) {
            throw new Invalid("zone");
        }
        return new WeeklyRule(dayOfWeek, localTime, ZoneId.of(zoneText));
    }

    /** The time as the form shows it, {@code HH:MM}. */
    public String timeText() {
        return time.toString();
    }

    /** A form value that does not make a rule; {@link #getMessage()} is the field's name. */
    public static final class Invalid extends IllegalArgumentException {
        Invalid(String field) {
            super(field);
        }
    }
}
