package org.samizdat.revenue.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * This month's progress toward the goal, in the goal's currency: {@code raisedMinor} adds every currency's total
 * converted with the newsroom's rates (currencies without a rate cannot be counted and are left out).
 */
public record GoalProgress(long goalMinor, long raisedMinor, String currency, int percent, String month) {

    /** Sums the per-currency totals (minor units) into the goal currency. */
    static GoalProgress of(long goalMinor, String goalCurrency, Map<String, Long> raisedByCurrency,
            Map<String, BigDecimal> rates, String month) {
        BigDecimal raised = BigDecimal.ZERO;
        for (Map.Entry<String, Long> e : raisedByCurrency.entrySet()) {
            BigDecimal rate = e.getKey().equals(goalCurrency) ? BigDecimal.ONE : rates.get(e.getKey());
            if (rate != null) {
                raised = raised.add(Money.toMajor(e.getValue(), e.getKey()).multiply(rate));
            }
        }
        long raisedMinor = Money.toMinor(raised, goalCurrency);
        int percent = goalMinor <= 0 ? 0 : BigDecimal.valueOf(raisedMinor).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(goalMinor), 0, RoundingMode.FLOOR).intValue();
        return new GoalProgress(goalMinor, raisedMinor, goalCurrency, percent, month);
    }
}
