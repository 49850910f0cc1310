package org.samizdat.revenue.internal;

import java.util.Map;
import org.samizdat.revenue.checkout.CheckoutStart;

/**
 * What became of a checkout: where to send the reader, or why not: readable messages per form field
 * ({@code invalid}), too many checkouts from this client, or the provider could not be reached.
 */
public record CheckoutOutcome(CheckoutStart start, Map<String, String> errors, boolean tooMany, boolean unavailable) {

    static CheckoutOutcome started(CheckoutStart start) {
        return new CheckoutOutcome(start, Map.of(), false, false);
    }

    static CheckoutOutcome invalid(Map<String, String> errors) {
        return new CheckoutOutcome(null, Map.copyOf(errors), false, false);
    }

    static CheckoutOutcome limited() {
        return new CheckoutOutcome(null, Map.of(), true, false);
    }

    static CheckoutOutcome failed() {
        return new CheckoutOutcome(null, Map.of(), false, true);
    }
}
