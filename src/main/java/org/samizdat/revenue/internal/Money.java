package org.samizdat.revenue.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.samizdat.shared.Language;

/** Minor units, digits and formatting of ISO 4217 currencies, by the JDK's currency data. */
public final class Money {

    private Money() {
    }

    public static boolean known(String code) {
        try {
            return code != null && code.matches("[A-Z]{3}") && Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static int digits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    public static long toMinor(BigDecimal major, String currency) {
        return major.movePointRight(digits(currency)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    public static BigDecimal toMajor(long minor, String currency) {
        return BigDecimal.valueOf(minor, digits(currency));
    }

    /** The amount for readers of the language: "$12.50", "12,50 $"; whole amounts without decimals. */
    public static String format(long minor, String currency, Language language) {
        NumberFormat format = NumberFormat.getCurrencyInstance(language.locale() == Locale.ENGLISH ? Locale.US : language.locale());
        format.setCurrency(Currency.getInstance(currency));
        int digits = digits(currency);
        boolean whole = minor % BigDecimal.TEN.pow(digits).longValueExact() == 0;
        format.setMinimumFractionDigits(whole ? 0 : digits);
        format.setMaximumFractionDigits(digits);
        return format.format(toMajor(minor, currency));
    }
}
