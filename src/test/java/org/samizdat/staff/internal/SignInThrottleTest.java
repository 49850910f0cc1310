package org.samizdat.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic with a hand-moved clock: limits, the window, and the growing lock. */
class SignInThrottleTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    final MovableClock clock = new MovableClock();
    final SignInThrottle throttle = new SignInThrottle(clock, 5, 20, Duration.ofMinutes(15), Duration.ofMinutes(1),
            Duration.ofHours(1));

    @Test
    void locksAnAccountAfterFiveFailuresForAGrowingDelay() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("Alice", "10.0.0." + i);
        }
        assertThat(throttle.refused("alice", "10.0.0.99")).isFalse();
        throttle.failed("alice", "10.0.0.5");
        assertThat(throttle.refused("ALICE ", "10.0.0.99")).isTrue();
        assertThat(throttle.refused("bob", "10.0.0.99")).isFalse();
        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.refused("alice", "10.0.0.99")).isFalse();
        throttle.failed("alice", "10.0.0.6");
        clock.advance(Duration.ofSeconds(90));
        assertThat(throttle.refused("alice", "10.0.0.99")).as("second lock lasts two minutes").isTrue();
        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.refused("alice", "10.0.0.99")).isFalse();
    }

    @Test
    void locksAnAddressAfterTwentyFailures() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("user" + i, "192.0.2.1");
        }
        assertThat(throttle.refused("someone", "192.0.2.1")).isFalse();
        throttle.failed("user19", "192.0.2.1");
        assertThat(throttle.refused("someone", "192.0.2.1")).isTrue();
        assertThat(throttle.refused("someone", "192.0.2.2")).isFalse();
    }

    @Test
    void failuresOutsideTheWindowAreForgottenAndSuccessClearsTheAccount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("carol", "10.1.1.1");
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("carol", "10.1.1.1");
        assertThat(throttle.refused("carol", "10.9.9.9")).isFalse();
        for (int i = 0; i < 3; i++) {
            throttle.failed("carol", "10.1.1.1");
        }
        throttle.succeeded("carol");
        throttle.failed("carol", "10.1.1.1");
        assertThat(throttle.refused("carol", "10.9.9.9")).isFalse();
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        assertThat(SignInThrottle.addressKey("2001:db8:1:2:aaaa::1")).isEqualTo(SignInThrottle.addressKey("2001:db8:1:2:ffff::9"))
                .isEqualTo("a:2001:db8:1:2::/64");
        assertThat(SignInThrottle.addressKey("[2001:db8:1:3::1]")).isEqualTo("a:2001:db8:1:3::/64");
        assertThat(SignInThrottle.addressKey("10.0.0.1")).isEqualTo("a:10.0.0.1");
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertThat(throttle.refused("someone", "2001:db8:1:2:dead:beef::1")).isTrue();
        assertThat(throttle.refused("someone", "2001:db8:1:9::1")).isFalse();
    }
}
