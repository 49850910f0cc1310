package org.samizdat.revenue.asks.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often readers meet asks ({@code samizdat.asks.*}), decided in their browsers: "Remind me later" hides every
 * ask for {@code remindDays}, the banner's × hides it for {@code dismissDays}, the dialog opens by itself at most
 * once per {@code modalEveryDays}; and how many counter beacons one client address may send per minute.
 */
@ConfigurationProperties("samizdat.asks")
public record AskSettings(Integer remindDays, Integer dismissDays, Integer modalEveryDays, Integer beaconsPerMinute) {

    public AskSettings {
        remindDays = positive(remindDays, 7);
        dismissDays = positive(dismissDays, 3);
        modalEveryDays = positive(modalEveryDays, 3);
        beaconsPerMinute = positive(beaconsPerMinute, 60);
    }

    private static Integer positive(Integer value, int fallback) {
        return value == null || value < 0 ? fallback : value;
    }
}
