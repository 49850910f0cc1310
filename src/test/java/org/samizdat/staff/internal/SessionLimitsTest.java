package org.samizdat.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** A newsroom session ends after its idle limit without requests and at its absolute limit however busy. */
class SessionLimitsTest {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    static final class MovingClock extends Clock {
        Instant now = START;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    final MovingClock clock = new MovingClock();
    final SessionLimits limits = new SessionLimits(clock, Duration.ofMinutes(30), Duration.ofHours(12));

    MockHttpSession signedIn() {
        MockHttpSession session = new MockHttpSession();
        limits.signedIn(session);
        return session;
    }

    @Test
    void theContainerAlsoDropsTheSessionWhenIdle() {
        assertThat(signedIn().getMaxInactiveInterval()).isEqualTo(30 * 60);
    }

    @Test
    void activityKeepsASessionAliveUpToTheIdleLimit() {
        MockHttpSession session = signedIn();
        clock.now = START.plus(Duration.ofMinutes(29));
        assertThat(limits.expired(session)).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(limits.expired(session)).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        assertThat(limits.expired(session)).isTrue();
    }

    @Test
    void aBusySessionStillEndsAtTheAbsoluteLimit() {
        MockHttpSession session = signedIn();
        for (int minutes = 20; minutes < 12 * 60; minutes += 20) {
            clock.now = START.plus(Duration.ofMinutes(minutes));
            assertThat(limits.expired(session)).as("after %d minutes", minutes).isFalse();
        }
        clock.now = START.plus(Duration.ofHours(12));
        assertThat(limits.expired(session)).isTrue();
    }

    @Test
    void aSessionThatNeverSignedInThroughTheFormCountsAsExpired() {
        assertThat(limits.expired(new MockHttpSession())).isTrue();
    }
}
