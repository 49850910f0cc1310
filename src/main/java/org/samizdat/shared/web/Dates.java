package org.samizdat.shared.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.samizdat.shared.Language;

/** Dates as readers of each language expect them, in the newsroom's time zone. */
public final class Dates {

    private static final ZoneId ZONE = ZoneId.of(System.getProperty("samizdat.zone", "Europe/Riga"));

    private Dates() {
    }

    public static String date(Instant instant, Language language) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(language.locale()).withZone(ZONE).format(instant);
    }

    public static String dateTime(Instant instant, Language language) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(language.locale()).withZone(ZONE).format(instant);
    }
}
