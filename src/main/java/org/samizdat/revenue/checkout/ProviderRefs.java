package org.samizdat.revenue.checkout;

/**
 * The provider's own references for a payment, any of which may be null: the payment (Stripe payment intent
 * or charge, BTCPay invoice), the customer, the subscription of a recurring plan, and the invoice that a
 * recurring payment settled. Refunds find their donation by {@code paymentRef}; renewals are deduplicated by
 * {@code invoiceRef}.
 */
public record ProviderRefs(String paymentRef, String customerRef, String subscriptionRef, String invoiceRef) {

    public static ProviderRefs payment(String paymentRef) {
        return new ProviderRefs(paymentRef, null, null, null);
    }
}
