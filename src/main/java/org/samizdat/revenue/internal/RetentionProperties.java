package org.samizdat.revenue.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long checkouts that were never paid are kept ({@code samizdat.revenue.retention.*}): {@code abandoned} for
 * card, crypto and test checkouts (7 days), {@code bank-transfer} for bank transfers, which take longer to arrive
 * (30 days).
 */
@ConfigurationProperties("samizdat.revenue.retention")
record RetentionProperties(Duration abandoned, Duration bankTransfer) {

    RetentionProperties {
        abandoned = abandoned == null ? Duration.ofDays(7) : abandoned;
        bankTransfer = bankTransfer == null ? Duration.ofDays(30) : bankTransfer;
    }
}
