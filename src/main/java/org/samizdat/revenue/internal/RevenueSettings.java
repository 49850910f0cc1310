package org.samizdat.revenue.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.samizdat.revenue.Frequency;
import org.samizdat.shared.Language;

/**
 * The newsroom's revenue settings as stored (name to text) with typed readers. Texts are what the settings form
 * shows and validates ({@link SettingsForm}); a missing name falls back to {@link #DEFAULTS}.
 */
public record RevenueSettings(Map<String, String> values) {

    public static final List<String> NAMES = List.of("currencies", "methods", "limits", "amounts.once",
            "amounts.monthly", "amounts.annual", "goal.amount", "goal.currency", "rates", "descriptor", "appeal.en",
            "appeal.ru", "note.en", "note.ru", "bank.details");

    static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("limits", "USD 1 10000\nEUR 1 10000"),
            Map.entry("amounts.once", "10 25 50 100"), Map.entry("amounts.monthly", "5 10 20 50"),
            Map.entry("amounts.annual", "50 100 200 500"), Map.entry("goal.amount", "0"),
            Map.entry("goal.currency", "USD"), Map.entry("rates", ""), Map.entry("descriptor", ""),
            Map.entry("appeal.en", ""), Map.entry("appeal.ru", ""), Map.entry("note.en", ""), Map.entry("note.ru", ""),
            Map.entry("bank.details", ""));

    public RevenueSettings {
        values = Map.copyOf(values);
    }

    public String get(String name) {
        String value = values.get(name);
        return value != null ? value : DEFAULTS.getOrDefault(name, "");
    }

    public List<String> currencies() {
        return words(get("currencies")).stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
    }

    public List<String> methods() {
        return words(get("methods")).stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    }

    /** Per-currency limits in major units, from lines "USD 1 10000". */
    public Map<String, BigDecimal[]> limits() {
        Map<String, BigDecimal[]> limits = new LinkedHashMap<>();
        for (String line : get("limits").split("\n")) {
            List<String> parts = words(line);
            if (parts.size() == 3) {
                limits.put(parts.get(0).toUpperCase(Locale.ROOT),
                        new BigDecimal[] {new BigDecimal(parts.get(1)), new BigDecimal(parts.get(2))});
            }
        }
        return limits;
    }

    /** Suggested amounts in major units of whichever currency the reader picks. */
    public List<BigDecimal> suggested(Frequency frequency) {
        return words(get("amounts." + frequency.code())).stream().map(BigDecimal::new).toList();
    }

    public BigDecimal goalAmount() {
        return new BigDecimal(get("goal.amount").isBlank() ? "0" : get("goal.amount"));
    }

    public String goalCurrency() {
        return get("goal.currency").toUpperCase(Locale.ROOT);
    }

    /** How many units of the goal currency one unit of each other currency is worth, from lines "EUR 1.08". */
    public Map<String, BigDecimal> rates() {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        for (String line : get("rates").split("\n")) {
            List<String> parts = words(line);
            if (parts.size() == 2) {
                rates.put(parts.get(0).toUpperCase(Locale.ROOT), new BigDecimal(parts.get(1)));
            }
        }
        return rates;
    }

    public String descriptor() {
        return get("descriptor").strip();
    }

    public String appeal(Language language) {
        return get("appeal." + language.code()).strip();
    }

    public String note(Language language) {
        return get("note." + language.code()).strip();
    }

    public String bankDetails() {
        return get("bank.details").strip();
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.strip().split("[\\s,;]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
