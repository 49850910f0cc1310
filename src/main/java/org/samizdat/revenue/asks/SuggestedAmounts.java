package org.samizdat.revenue.asks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Suggested amounts for one frequency, per currency, in whole major units, as editors write them:
 * {@code USD 5 10 25; EUR 5 10 20} (groups separated by semicolons or new lines).
 */
public record SuggestedAmounts(Map<String, List<Long>> byCurrency) {

    public static final int MAX_CURRENCIES = 6;
    public static final int MAX_AMOUNTS = 6;
    public static final SuggestedAmounts NONE = new SuggestedAmounts(Map.of());

    /** The amounts the text names, or empty when it does not follow the pattern. */
    public static Optional<SuggestedAmounts> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(NONE);
        }
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        for (String group : text.strip().split("\\s*[;\\n]\\s*")) {
            String[] words = group.strip().split("\\s+");
            if (group.isBlank() || !words[0].matches("[A-Za-z]{3}") || words.length < 2 || words.length > MAX_AMOUNTS + 1
                    || groups.containsKey(words[0].toUpperCase(Locale.ROOT))) {
                return Optional.empty();
            }
            List<Long> amounts = new ArrayList<>();
            for (int i = 1; i < words.length; i++) {
                if (!words[i].matches("[1-9][0-9]{0,8}")) {
                    return Optional.empty();
                }
                amounts.add(Long.valueOf(words[i]));
            }
            groups.put(words[0].toUpperCase(Locale.ROOT), List.copyOf(amounts));
        }
        return groups.size() > MAX_CURRENCIES ? Optional.empty() : Optional.of(new SuggestedAmounts(groups));
    }

    public boolean isEmpty() {
        return byCurrency.isEmpty();
    }

    /** The canonical text: upper-case currencies, single spaces, groups joined by "; ". */
    public String text() {
        List<String> groups = new ArrayList<>();
        byCurrency.forEach((currency, amounts) -> groups.add(currency + " "
                + String.join(" ", amounts.stream().map(String::valueOf).toList())));
        return String.join("; ", groups);
    }
}
