package org.samizdat.revenue.checkout;

/**
 * Where a recurring plan stands: waiting for its first payment, charging, last charge failed and being
 * retried by the provider, or ended (final: a cancelled plan never becomes active again).
 */
public enum PlanStatus {
    PENDING, ACTIVE, PAST_DUE, CANCELLED
}
