package org.samizdat.revenue;

import java.util.List;
import org.samizdat.shared.Language;

/**
 * What a reader may give right now, as the newsroom configured it: accepted currencies, enabled payment
 * methods, per-currency limits, and how amounts are written. The asks and the support page both read it so
 * they offer exactly what the checkout accepts.
 */
public interface RevenueOptions {

    /** Accepted ISO 4217 codes; the first is the default. */
    List<String> currencies();

    /** Enabled payment method ids in display order: {@code test}, {@code stripe}, {@code btcpay}, {@code bank}. */
    List<String> methods();

    /** The smallest amount accepted, in minor units of the currency. */
    long minimumMinor(String currency);

    /** The largest amount accepted, in minor units of the currency. */
    long maximumMinor(String currency);

    /** Digits after the decimal point of the currency (2 for EUR, 0 for JPY). */
    int minorDigits(String currency);

    /** The amount written for readers of the language, e.g. "$12.50" or "12,50 €". */
    String format(long amountMinor, String currency, Language language);
}
