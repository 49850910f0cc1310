package org.samizdat.revenue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.Frequency;
import org.samizdat.revenue.checkout.PlanStatus;
import org.samizdat.shared.Language;

/** The goal's sum: every currency converted at the newsroom's rate; annual plans count a twelfth a month. */
class GoalProgressTest {

    @Test
    void convertsEachCurrencyIntoTheGoalCurrency() {
        GoalProgress p = GoalProgress.of(1_000_000, "USD", Map.of("USD", 10_000L, "EUR", 20_000L, "RUB", 1_000_000L),
                Map.of("EUR", new BigDecimal("1.10"), "RUB", new BigDecimal("0.011")), "2026-11");
        assertThat(p.raisedMinor()).isEqualTo(10_000 + 22_000 + 11_000);
        assertThat(p.percent()).isEqualTo(4);
        assertThat(p.currency()).isEqualTo("USD");
        assertThat(p.month()).isEqualTo("2026-11");
    }

    @Test
    void leavesOutCurrenciesWithoutARateAndCopesWithNoGoal() {
        GoalProgress p = GoalProgress.of(0, "EUR", Map.of("EUR", 500L, "GBP", 900L), Map.of(), "2026-11");
        assertThat(p.raisedMinor()).isEqualTo(500);
        assertThat(p.percent()).isZero();
        assertThat(GoalProgress.of(1000, "USD", Map.of("USD", 2500L), Map.of(), "m").percent()).isEqualTo(250);
    }

    @Test
    void annualPlansCountATwelfthPerMonth() {
        assertThat(plan(Frequency.ANNUAL, 12_000).monthlyMinor()).isEqualTo(1000);
        assertThat(plan(Frequency.ANNUAL, 100).monthlyMinor()).isEqualTo(8);
        assertThat(plan(Frequency.MONTHLY, 700).monthlyMinor()).isEqualTo(700);
    }

    private static Plan plan(Frequency frequency, long amount) {
        return new Plan(null, null, null, null, frequency, "USD", "test", Language.EN, PlanStatus.ACTIVE, amount, null,
                null, null, null);
    }
}
