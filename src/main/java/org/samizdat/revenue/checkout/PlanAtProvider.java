package org.samizdat.revenue.checkout;

import java.util.UUID;
import org.samizdat.revenue.Frequency;

/** A recurring plan as a provider knows it: our plan id and the provider's subscription and customer references. */
public record PlanAtProvider(UUID planId, String provider, String subscriptionRef, String customerRef,
        Frequency frequency, long amountMinor, String currency) {
}
