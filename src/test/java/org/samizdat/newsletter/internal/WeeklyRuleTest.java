package org.samizdat.newsletter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The next occurrence of a weekly schedule, across weeks, zones and both daylight-saving transitions. */
class WeeklyRuleTest {

    static final ZoneId RIGA = ZoneId.of("Europe/Riga");
    static final WeeklyRule FRIDAY_TEN = new WeeklyRule(DayOfWeek.FRIDAY, LocalTime.of(10, 0), RIGA);

    @Test
    void laterTheSameDayEarlierTheSameDayAndExactlyAtTheTime() {
        // Friday 27 November 2026, Riga is UTC+2 in winter.
        assertThat(FRIDAY_TEN.nextAfter(Instant.parse("2026-11-27T07:59:00Z"))).isEqualTo("2026-11-27T08:00:00Z");
        assertThat(FRIDAY_TEN.nextAfter(Instant.parse("2026-11-27T08:00:00Z")))
                .as("an occurrence is never its own successor").isEqualTo("2026-12-04T08:00:00Z");
        assertThat(FRIDAY_TEN.nextAfter(Instant.parse("2026-11-27T08:00:01Z"))).isEqualTo("2026-12-04T08:00:00Z");
        assertThat(FRIDAY_TEN.nextAfter(Instant.parse("2026-11-23T12:00:00Z"))).isEqualTo("2026-11-27T08:00:00Z");
    }

    @Test
    void theZoneDecidesTheDayNotUtc() {
        // 23:30 UTC on Thursday is already 01:30 on Friday in Riga: Friday 10:00 Riga is the same day.
        assertThat(FRIDAY_TEN.nextAfter(Instant.parse("2026-11-26T23:30:00Z"))).isEqualTo("2026-11-27T08:00:00Z");
        WeeklyRule newYork = new WeeklyRule(DayOfWeek.FRIDAY, LocalTime.of(10, 0), ZoneId.of("America/New_York"));
        assertThat(newYork.nextAfter(Instant.parse("2026-11-27T08:00:00Z"))).isEqualTo("2026-11-27T15:00:00Z");
    }

    @Test
    void theWallClockTimeStaysWhenTheClocksGoForwardAndBack() {
        // Riga changes to summer time on Sunday 29 March 2026 and back on Sunday 25 October 2026.
        assertThat(FRIDAY_TEN.nextAfter(Instant.parse("2026-03-21T00:00:00Z"))).isEqualTo("2026-03-27T08:00:00Z");
        assertThat(FRIDAY_TEN.nextAfter(Instant.parse("2026-03-27T08:00:00Z"))).isEqualTo("2026-04-03T07:00:00Z");
        assertThat(FRIDAY_TEN.nextAfter(Instant.parse("2026-10-23T07:00:00Z"))).isEqualTo("2026-10-30T08:00:00Z");
    }

    @Test
    void aTimeSkippedBySpringForwardHappensAfterTheGap() {
        // 03:00 to 04:00 does not exist in Riga on 29 March 2026; 03:30 becomes 04:30 summer time (01:30 UTC).
        WeeklyRule sunday = new WeeklyRule(DayOfWeek.SUNDAY, LocalTime.of(3, 30), RIGA);
        assertThat(sunday.nextAfter(Instant.parse("2026-03-28T12:00:00Z"))).isEqualTo("2026-03-29T01:30:00Z");
        assertThat(sunday.nextAfter(Instant.parse("2026-03-29T01:30:00Z"))).isEqualTo("2026-04-05T00:30:00Z");
    }

    @Test
    void aTimeRepeatedByFallBackHappensOnce() {
        // 03:00 to 04:00 happens twice in Riga on 25 October 2026 (UTC+3, then UTC+2): only the first counts.
        WeeklyRule sunday = new WeeklyRule(DayOfWeek.SUNDAY, LocalTime.of(3, 30), RIGA);
        Instant first = sunday.nextAfter(Instant.parse("2026-10-24T12:00:00Z"));
        assertThat(first).isEqualTo("2026-10-25T00:30:00Z");
        assertThat(sunday.nextAfter(first)).as("not again an hour later").isEqualTo("2026-11-01T01:30:00Z");
    }

    @Test
    void formValuesAreCheckedFieldByField() {
        WeeklyRule rule = WeeklyRule.parse("5", "9:05", "Europe/Riga");
        assertThat(rule).isEqualTo(new WeeklyRule(DayOfWeek.FRIDAY, LocalTime.of(9, 5), RIGA));
        assertThat(rule.timeText()).isEqualTo("09:05");
        assertThatThrownBy(() -> WeeklyRule.parse("8", "10:00", "Europe/Riga")).hasMessage("day");
        assertThatThrownBy(() -> WeeklyRule.parse("friday", "10:00", "Europe/Riga")).hasMessage("day");
        assertThatThrownBy(() -> WeeklyRule.parse("5", "25:00", "Europe/Riga")).hasMessage("time");
        assertThatThrownBy(() -> WeeklyRule.parse("5", "10:00:00", "Europe/Riga")).hasMessage("time");
        assertThatThrownBy(() -> WeeklyRule.parse("5", "", "Europe/Riga")).hasMessage("time");
        assertThatThrownBy(() -> WeeklyRule.parse("5", "10:00", "Europe/Atlantis")).hasMessage("zone");
        assertThatThrownBy(() -> WeeklyRule.parse("5", "10:00", "+02:00")).hasMessage("zone");
        assertThatThrownBy(() -> WeeklyRule.parse("5", "10:00", null)).hasMessage("zone");
    }
}
