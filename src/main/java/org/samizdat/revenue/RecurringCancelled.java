package org.samizdat.revenue;

import java.util.UUID;

/** A recurring plan ended, by the supporter's own link, the newsroom, or the provider. */
public record RecurringCancelled(UUID planId, Frequency frequency, long amountMinor, String currency, String method) {
}
