package org.samizdat.revenue.internal;

import java.time.Instant;
import org.samizdat.revenue.Frequency;

/** The newsroom's filters on the donations list; null means any. */
public record DonationFilter(Instant from, Instant to, String status, Frequency frequency, String method,
        String currency) {
}
