package org.samizdat.revenue.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.samizdat.staff.FieldErrors;

/** Checks the revenue settings form field by field, so only settings every reader of them understands are saved. */
public final class SettingsForm {

    static final List<String> METHODS = List.of("test", "stripe", "btcpay", "bank");

    private SettingsForm() {
    }

    public static FieldErrors check(Map<String, String> v, FieldErrors errors) {
        List<String> currencies = RevenueSettings.words(v.get("currencies"));
        if (currencies.isEmpty() || currencies.stream().anyMatch(c -> !Money.known(c.toUpperCase(java.util.Locale.ROOT)))) {
            errors.add("currencies", "revenue.settings.error.currencies");
        }
        if (RevenueSettings.words(v.get("methods")).stream().anyMatch(m -> !METHODS.contains(m))) {
            errors.add("methods", "revenue.settings.error.methods");
        }
        for (String line : v.get("limits").split("\n")) {
            List<String> parts = RevenueSettings.words(line);
            if (!parts.isEmpty() && (parts.size() != 3 || !Money.known(parts.get(0).toUpperCase(java.util.Locale.ROOT))
                    || !positive(parts.get(1)) || !positive(parts.get(2))
                    || new BigDecimal(parts.get(1)).compareTo(new BigDecimal(parts.get(2))) > 0)) {
                errors.add("limits", "revenue.settings.error.limits");
            }
        }
        for (String name : List.of("amounts.once", "amounts.monthly", "amounts.annual")) {
            if (RevenueSettings.words(v.get(name)).stream().anyMatch(a -> !positive(a))
                    || RevenueSettings.words(v.get(name)).size() > 8) {
                errors.add(name, "revenue.settings.error.amounts");
            }
        }
        String goal = v.get("goal.amount").strip();
        if (!goal.isEmpty() && !goal.equals("0") && !positive(goal)) {
            errors.add("goal.amount", "revenue.settings.error.amount");
        }
        if (!Money.known(v.get("goal.currency").strip().toUpperCase(java.util.Locale.ROOT))) {
            errors.add("goal.currency", "revenue.settings.error.currency");
        }
        for (String line : v.get("rates").split("\n")) {
            List<String> parts = RevenueSettings.words(line);
            if (!parts.isEmpty() && (parts.size() != 2 || !Money.known(parts.get(0).toUpperCase(java.util.Locale.ROOT))
                    || !positive(parts.get(1)))) {
                errors.add("rates", "revenue.settings.error.rates");
            }
        }
        errors.maxLength("descriptor", v.get("descriptor"), 22);
        for (String name : List.of("appeal.en", "appeal.ru", "note.en", "note.ru", "bank.details")) {
            errors.maxLength(name, v.get(name), 4000);
        }
        return errors;
    }

    private static boolean positive(String number) {
        try {
            return new BigDecimal(number).signum() > 0 && number.length() <= 15;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
