package org.samizdat.newsletter.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sending engine ({@code samizdat.newsletter.sending.*}): sending threads per node (each with its own SMTP
 * connection), the rate cap in messages per second across them (0 = as fast as the relay takes), how long a claim
 * holds, how often idle threads look for work, rows per claim, attempts before a row fails, and the first retry
 * delay (doubled on every attempt).
 */
@ConfigurationProperties("samizdat.newsletter.sending")
record SendingProperties(Integer concurrency, Double rate, Duration lease, Duration interval, Integer batch,
        Integer maxAttempts, Duration backoff) {

    SendingProperties {
        concurrency = concurrency == null ? 4 : Math.max(1, Math.min(64, concurrency));
        rate = rate == null || rate < 0 ? 0.0 : rate;
        lease = lease == null ? Duration.ofMinutes(5) : lease;
        interval = interval == null ? Duration.ofSeconds(2) : interval;
        batch = batch == null ? 100 : Math.max(1, batch);
        maxAttempts = maxAttempts == null ? 5 : Math.max(1, maxAttempts);
        backoff = backoff == null ? Duration.ofSeconds(30) : backoff;
    }
}
