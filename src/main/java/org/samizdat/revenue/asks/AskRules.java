package org.samizdat.revenue.asks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.samizdat.revenue.RevenueOptions;

/**
 * What makes an ask variant publishable: the texts each kind needs, length limits, and for the support dialog
 * suggested amounts that parse and stay within the accepted currencies, methods and amounts. Problems name the
 * form field and a message key so the newsroom can show them next to the field in the editor's language.
 */
public final class AskRules {

    public static final String[] FREQUENCIES = {"once", "monthly", "annual"};

    /** One thing wrong with one field: the message key and its arguments. */
    public record Problem(String field, String key, Object... args) {
    }

    private AskRules() {
    }

    /** One line of plain text: line breaks and other control characters become spaces, ends trimmed. */
    public static String line(String value) {
        return value == null ? "" : value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ").strip();
    }

    /** Methods as written, lower-cased and separated by single spaces. */
    public static List<String> methods(String value) {
        String words = line(value).toLowerCase(Locale.ROOT);
        return words.isEmpty() ? List.of() : List.of(words.split("[\\s,]+"));
    }

    /** Payment methods the dialog may offer: the providers' ids, whether or not they are enabled right now. */
    public static final List<String> KNOWN_METHODS = List.of("test", "stripe", "btcpay", "bank");

    public static List<Problem> check(Ask ask, RevenueOptions options) {
        List<Problem> problems = new ArrayList<>();
        required(problems, "name", ask.name());
        length(problems, "name", ask.name(), 100);
        length(problems, "headline", ask.headline(), 200);
        length(problems, "body", ask.body(), 4000);
        length(problems, "signature", ask.signature(), 200);
        length(problems, "button", ask.button(), 60);
        required(problems, "body", ask.body());
        if (ask.kind() == AskKind.MODAL) {
            boolean any = false;
            for (String frequency : FREQUENCIES) {
                any |= amounts(problems, "amounts_" + frequency, ask.amounts(frequency), options);
            }
            if (!any) {
                problems.add(new Problem("amounts_once", "asks.error.noAmounts"));
            }
            List<String> methods = methods(ask.methods());
            if (methods.isEmpty()) {
                problems.add(new Problem("methods", "asks.error.noMethods"));
            }
            for (String method : methods) {
                if (!KNOWN_METHODS.contains(method) && !options.methods().contains(method)) {
                    problems.add(new Problem("methods", "asks.error.method", method, String.join(" ", KNOWN_METHODS)));
                }
            }
        }
        return problems;
    }

    /** Checks one frequency's amounts; true when it suggests any. */
    private static boolean amounts(List<Problem> problems, String field, String text, RevenueOptions options) {
        if (text != null && text.length() > 300) {
            problems.add(new Problem(field, "newsroom.error.tooLong", 300, text.length()));
            return false;
        }
        SuggestedAmounts parsed = SuggestedAmounts.parse(text).orElse(null);
        if (parsed == null) {
            problems.add(new Problem(field, "asks.error.amounts"));
            return false;
        }
        parsed.byCurrency().forEach((currency, amounts) -> {
            if (!options.currencies().contains(currency)) {
                problems.add(new Problem(field, "asks.error.currency", currency, String.join(" ", options.currencies())));
                return;
            }
            for (long amount : amounts) {
                BigDecimal minor = BigDecimal.valueOf(amount).movePointRight(options.minorDigits(currency));
                if (minor.compareTo(BigDecimal.valueOf(options.minimumMinor(currency))) < 0
                        || minor.compareTo(BigDecimal.valueOf(options.maximumMinor(currency))) > 0) {
                    problems.add(new Problem(field, "asks.error.range", amount + " " + currency, range(options, currency)));
                }
            }
        });
        return !parsed.isEmpty();
    }

    /** The accepted range of a currency in whole major units as readers write it, e.g. "1–10000 USD". */
    public static String range(RevenueOptions options, String currency) {
        int digits = options.minorDigits(currency);
        return BigDecimal.valueOf(options.minimumMinor(currency), digits).stripTrailingZeros().toPlainString() + "–"
                + BigDecimal.valueOf(options.maximumMinor(currency), digits).stripTrailingZeros().toPlainString() + " "
                + currency;
    }

    private static void required(List<Problem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "newsroom.error.required"));
        }
    }

    private static void length(List<Problem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new Problem(field, "newsroom.error.tooLong", max, value.length()));
        }
    }
}
