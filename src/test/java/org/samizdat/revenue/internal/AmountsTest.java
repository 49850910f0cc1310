package org.samizdat.revenue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.samizdat.revenue.internal.Amounts.Problem;
import org.samizdat.shared.Language;

/** Amounts as readers type them, in both languages, against the currency's digits and the newsroom's limits. */
class AmountsTest {

    static Amounts.Parsed usd(String typed, Language language) {
        return Amounts.parse(typed, "USD", language, 100, 1_000_000);
    }

    @Test
    void readsTheUsualWaysOfWritingAnAmount() {
        assertThat(usd("10", Language.EN).minor()).isEqualTo(1000);
        assertThat(usd("12.50", Language.EN).minor()).isEqualTo(1250);
        assertThat(usd("12,50", Language.RU).minor()).isEqualTo(1250);
        assertThat(usd("12,50", Language.EN).minor()).as("two digits after a comma are decimals").isEqualTo(1250);
        assertThat(usd("1 000", Language.RU).minor()).isEqualTo(100_000);
        assertThat(usd("1\u00A0000,5", Language.RU).minor()).isEqualTo(100_050);
        assertThat(usd("1,000", Language.EN).minor()).isEqualTo(100_000);
        assertThat(usd("1.000", Language.RU).minor()).isEqualTo(100_000);
        assertThat(usd("1,000.50", Language.EN).minor()).isEqualTo(100_050);
        assertThat(usd("1.000,50", Language.RU).minor()).isEqualTo(100_050);
        assertThat(usd(" 25 ", Language.EN).minor()).isEqualTo(2500);
        assertThat(usd("10.", Language.EN).minor()).isEqualTo(1000);
    }

    @Test
    void refusesWhatIsNotAnAmountWithTheReason() {
        assertThat(usd("", Language.EN).problem()).isEqualTo(Problem.MISSING);
        assertThat(usd(null, Language.EN).problem()).isEqualTo(Problem.MISSING);
        assertThat(usd("abc", Language.EN).problem()).isEqualTo(Problem.NOT_A_NUMBER);
        assertThat(usd("1e5", Language.EN).problem()).isEqualTo(Problem.NOT_A_NUMBER);
        assertThat(usd("12,34,5", Language.EN).problem()).isEqualTo(Problem.NOT_A_NUMBER);
        assertThat(usd("1.2.3", Language.EN).problem()).isEqualTo(Problem.NOT_A_NUMBER);
        assertThat(usd("0x10", Language.EN).problem()).isEqualTo(Problem.NOT_A_NUMBER);
        assertThat(usd("0", Language.EN).problem()).isEqualTo(Problem.NOT_POSITIVE);
        assertThat(usd("0.00", Language.EN).problem()).isEqualTo(Problem.NOT_POSITIVE);
        assertThat(usd("-5", Language.EN).problem()).isEqualTo(Problem.NOT_POSITIVE);
        assertThat(usd("1.505", Language.RU).minor()).as("'.' then three digits groups thousands in Russian only")
                .isEqualTo(150_500);
        assertThat(usd("12.505", Language.EN).problem()).isEqualTo(Problem.TOO_MANY_DECIMALS);
        assertThat(usd("0.5", Language.EN).problem()).isEqualTo(Problem.TOO_SMALL);
        assertThat(usd("10000.01", Language.EN).problem()).isEqualTo(Problem.TOO_LARGE);
        assertThat(usd("99999999999999999999999", Language.EN).problem()).isEqualTo(Problem.TOO_LARGE);
        assertThat(usd("1".repeat(40), Language.EN).problem()).isEqualTo(Problem.TOO_LARGE);
    }

    @Test
    void followsTheCurrencysDigits() {
        assertThat(Amounts.parse("500", "JPY", Language.EN, 100, 1_000_000).minor()).isEqualTo(500);
        assertThat(Amounts.parse("500.5", "JPY", Language.EN, 100, 1_000_000).problem())
                .isEqualTo(Problem.TOO_MANY_DECIMALS);
        assertThat(Money.format(125_000, "USD", Language.EN)).isEqualTo("$1,250");
        assertThat(Money.format(1250, "EUR", Language.EN)).isEqualTo("€12.50");
    }
}
