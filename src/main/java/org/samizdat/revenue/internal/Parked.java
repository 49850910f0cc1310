package org.samizdat.revenue.internal;

/**
 * Provider news stored until the fact it refers to arrives: a renewal, failed renewal or plan change for a
 * subscription not yet linked to a plan, or a refund for a payment not yet credited.
 */
record Parked(long id, String provider, String subjectRef, String kind, String invoiceRef, String paymentRef,
        Long amountMinor, String currency, String status) {
}
