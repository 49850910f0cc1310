package org.samizdat.revenue.internal;

import java.math.BigDecimal;
import org.samizdat.shared.Language;

/**
 * Reads an amount as a reader typed it, in major units: "10", "12.50", "12,50", "1 000", "1,000.50",
 * "1.000,50". Spaces (also no-break and thin ones) and apostrophes group thousands. When both '.' and ','
 * appear, the last one is the decimal mark. A lone mark followed by exactly three digits groups thousands
 * where the language writes it so (',' in English, '.' in Russian); otherwise it is the decimal mark.
 */
public final class Amounts {

    /** Why an amount was refused; the message key is {@code revenue.error.amount.<code>}. */
    public enum Problem { MISSING, NOT_A_NUMBER, NOT_POSITIVE, TOO_MANY_DECIMALS, TOO_SMALL, TOO_LARGE }

    /** The amount in minor units, or the problem with it. */
    public record Parsed(long minor, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private static final int MAX_LENGTH = 32;

    private Amounts() {
    }

    public static Parsed parse(String typed, String currency, Language language, long minMinor, long maxMinor) {
        if (typed == null || typed.isBlank()) {
            return new Parsed(0, Problem.MISSING);
        }
        if (typed.length() > MAX_LENGTH) {
            return new Parsed(0, Problem.TOO_LARGE);
        }
        String plain = normalise(typed.strip(), language);
        if (plain == null) {
            return new Parsed(0, Problem.NOT_A_NUMBER);
        }
        if (plain.startsWith("-")) {
            return new Parsed(0, Problem.NOT_POSITIVE);
        }
        BigDecimal major = new BigDecimal(plain);
        if (major.signum() <= 0) {
            return new Parsed(0, Problem.NOT_POSITIVE);
        }
        int digits = Money.digits(currency);
        if (major.stripTrailingZeros().scale() > digits) {
            return new Parsed(0, Problem.TOO_MANY_DECIMALS);
        }
        if (major.compareTo(Money.toMajor(maxMinor, currency)) > 0) {
            return new Parsed(0, Problem.TOO_LARGE);
        }
        long minor = Money.toMinor(major, currency);
        if (minor < minMinor) {
            return new Parsed(0, Problem.TOO_SMALL);
        }
        return new Parsed(minor, null);
    }

    /** The amount as a plain decimal ("1000.50"), or null when it is not a number written in any usual way. */
    static String normalise(String typed, Language language) {
        String s = typed.replaceAll("[\\s\\u00A0\\u202F\\u2009']", "");
        boolean negative = s.startsWith("-") || s.startsWith("\u2212");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        if (!s.matches("[0-9.,]+") || !Character.isDigit(s.charAt(0)) && s.length() == 1) {
            return null;
        }
        int dot = s.lastIndexOf('.');
        int comma = s.lastIndexOf(',');
        String decimal;
        if (dot >= 0 && comma >= 0) {
            decimal = dot > comma ? "." : ",";
        } else if (dot < 0 && comma < 0) {
            decimal = null;
        } else {
            char mark = dot >= 0 ? '.' : ',';
            long count = s.chars().filter(c -> c == mark).count();
            int after = s.length() - s.lastIndexOf(mark) - 1;
            char grouping = language == Language.RU ? '.' : ',';
            decimal = count > 1 || after == 3 && mark == grouping ? null : String.valueOf(mark);
        }
        String whole = decimal == null ? s : s.substring(0, s.lastIndexOf(decimal));
        String fraction = decimal == null ? "" : s.substring(s.lastIndexOf(decimal) + 1);
        String groupingMark = decimal == null ? (dot >= 0 ? "." : ",") : decimal.equals(".") ? "," : ".";
        if (!validGroups(whole, groupingMark) || !fraction.matches("[0-9]*") || whole.isEmpty() && fraction.isEmpty()) {
            return null;
        }
        String digits = (whole.isEmpty() ? "0" : whole.replace(groupingMark, "")) + (fraction.isEmpty() ? "" : "." + fraction);
        return (negative ? "-" : "") + digits;
    }

    private static boolean validGroups(String whole, String mark) {
        if (!whole.contains(mark)) {
            return whole.matches("[0-9]*");
        }
        return whole.matches("[0-9]{1,3}(" + java.util.regex.Pattern.quote(mark) + "[0-9]{3})+");
    }
}
