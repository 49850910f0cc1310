package org.samizdat.staff.internal;

import org.samizdat.shared.Sha256;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. Failures are counted per account and per client address over a window;
 * past the limit every further attempt is refused, for a delay that doubles with each failure after a
 * lock ends. Kept in memory: a restart forgets it, which only helps the next attacker by one window.
 * Accounts are keyed by a hash of the username so failed guesses are never held or logged in clear. IPv6
 * clients are counted per /64 network, since one machine usually holds a whole /64 and can rotate within it.
 */
@Component
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final Clock clock;
    private final int accountLimit;
    private final int addressLimit;
    private final Duration window;
    private final Duration firstLock;
    private final Duration maxLock;
    private final Cache<String, Failures> failures;

    SignInThrottle(Clock clock,
            @Value("${samizdat.signin.account-failures:5}") int accountLimit,
            @Value("${samizdat.signin.address-failures:20}") int addressLimit,
            @Value("${samizdat.signin.window:15m}") Duration window,
            @Value("${samizdat.signin.first-lock:1m}") Duration firstLock,
            @Value("${samizdat.signin.max-lock:1h}") Duration maxLock) {
        this.clock = clock;
        this.accountLimit = accountLimit;
        this.addressLimit = addressLimit;
        this.window = window;
        this.firstLock = firstLock;
        this.maxLock = maxLock;
        this.failures = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterWrite(window.plus(maxLock).multipliedBy(2)).build();
    }

    /** True while either the account or the address is locked out. */
    public boolean refused(String username, String address) {
        Instant now = clock.instant();
        return locked(accountKey(username), now) || locked(addressKey(address), now);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        record(accountKey(username), accountLimit, now, "account " + accountKey(username).substring(2, 14));
        record(addressKey(address), addressLimit, now, "address " + addressKey(address).substring(2));
    }

    /** A correct password clears the account's count; the address's failures still run out their window. */
    public void succeeded(String username) {
        failures.invalidate(accountKey(username));
    }

    /** Forgets every failure (for tests and for an admin after an incident). */
    public void clear() {
        failures.invalidateAll();
    }

    private boolean locked(String key, Instant now) {
        Failures f = failures.getIfPresent(key);
        return f != null && f.lockedUntil != null && now.isBefore(f.lockedUntil);
    }

    private void record(String key, int limit, Instant now, String what) {
        failures.asMap().compute(key, (k, f) -> {
            Failures next = f == null || now.isAfter(f.lastEvent().plus(window)) ? new Failures(now) : f;
            next.count++;
            if (next.count >= limit) {
                int extra = Math.min(next.count - limit, 20);
                Duration lock = firstLock.multipliedBy(1L << extra);
                next.lockedUntil = now.plus(lock.compareTo(maxLock) > 0 ? maxLock : lock);
                log.warn("Sign-in locked for {} after {} failures, until {}", what, next.count, next.lockedUntil);
            }
            return next;
        });
    }

    static String accountKey(String username) {
        return "u:" + sha256(username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT));
    }

    static String addressKey(String address) {
        String plain = address == null ? "" : address.strip();
        if (plain.startsWith("[") && plain.endsWith("]")) {
            plain = plain.substring(1, plain.length() - 1);
        }
        if (plain.indexOf(':') < 0 || !plain.matches("[0-9A-Fa-f:.]+")) {
            return "a:" + plain;
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(plain).getAddress();
            if (bytes.length != 16) {
                return "a:" + java.net.InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder network = new StringBuilder("a:");
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        } catch (java.net.UnknownHostException malformed) {
            return "a:" + plain;
        }
    }

    private static String sha256(String text) {
        return Sha256.hex(text);
    }

    private static final class Failures {
        final Instant windowStart;
        int count;
        Instant lockedUntil;

        Failures(Instant windowStart) {
            this.windowStart = windowStart;
        }

        Instant lastEvent() {
            return lockedUntil == null ? windowStart : lockedUntil;
        }
    }
}
