package org.samizdat.revenue.internal;

import org.samizdat.shared.Language;

/**
 * A checkout form as posted, every field as typed (any may be null), with the page's language, the origin the
 * reader used (for return links) and the client address (for the rate limit only; never stored).
 */
public record CheckoutRequest(String frequency, String amount, String currency, String method, String ask,
        String email, String name, boolean anonymous, Language language, String origin, String client) {
}
