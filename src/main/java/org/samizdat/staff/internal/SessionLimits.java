package org.samizdat.staff.internal;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long a newsroom session lives, checked by the server on every request: it ends after a spell without
 * requests (idle) and, however busy, some hours after the sign-in (absolute), so a stolen cookie or a laptop
 * left open does not stay useful for long.
 */
@Component
class SessionLimits {

    static final String SIGNED_IN_AT = "samizdat.signedInAt";
    static final String LAST_SEEN = "samizdat.lastSeen";

    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;

    SessionLimits(Clock clock, @Value("${samizdat.newsroom.idle-timeout:30m}") Duration idle,
            @Value("${samizdat.newsroom.absolute-timeout:12h}") Duration absolute) {
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
    }

    /** Starts the clocks of a session that just signed in; the servlet container also drops it once idle. */
    void signedIn(HttpSession session) {
        Instant now = clock.instant();
        session.setAttribute(SIGNED_IN_AT, now);
        session.setAttribute(LAST_SEEN, now);
        session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, idle.toSeconds()));
    }

    /** True when the signed-in session is past either limit; otherwise records this request as its last activity. */
    boolean expired(HttpSession session) {
        Instant now = clock.instant();
        Object signedInAt = session.getAttribute(SIGNED_IN_AT);
        Object lastSeen = session.getAttribute(LAST_SEEN);
        if (!(signedInAt instanceof Instant start) || !(lastSeen instanceof Instant seen)) {
            return true;
        }
        if (!now.isBefore(start.plus(absolute)) || !now.isBefore(seen.plus(idle))) {
            return true;
        }
        session.setAttribute(LAST_SEEN, now);
        return false;
    }
}
