package org.samizdat.revenue.asks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.RevenueOptions;
import org.samizdat.shared.Language;

/** The rules an ask variant must meet before readers see it, and the suggested-amounts syntax editors write. */
class AskRulesTest {

    /** USD and EUR from 1 to 10,000, JPY (no minor unit) from 100 to 1,000,000; test and bank enabled. */
    static final RevenueOptions LIMITS = new RevenueOptions() {
        public List<String> currencies() {
            return List.of("USD", "EUR", "JPY");
        }

        public List<String> methods() {
            return List.of("test", "bank");
        }

        public long minimumMinor(String currency) {
            return 100;
        }

        public long maximumMinor(String currency) {
            return 1_000_000;
        }

        public int minorDigits(String currency) {
            return currency.equals("JPY") ? 0 : 2;
        }

        public String format(long amountMinor, String currency, Language language) {
            return amountMinor + " " + currency;
        }
    };

    static Ask modal(String once, String monthly, String annual, String methods) {
        return new Ask(0, AskKind.MODAL, Language.EN, "Letter A", true, "", "Dear reader", "The editors", "", once,
                monthly, annual, methods, false);
    }

    static List<String> fields(Ask ask) {
        return AskRules.check(ask, LIMITS).stream().map(AskRules.Problem::field).toList();
    }

    @Test
    void amountsParsePerCurrencyInTheEditorsOrder() {
        SuggestedAmounts amounts = SuggestedAmounts.parse(" usd 5 10  25 ;\nEUR 5 10 20 ").orElseThrow();
        assertThat(amounts.byCurrency()).containsExactly(Map.entry("USD", List.of(5L, 10L, 25L)),
                Map.entry("EUR", List.of(5L, 10L, 20L)));
        assertThat(amounts.text()).isEqualTo("USD 5 10 25; EUR 5 10 20");
        assertThat(SuggestedAmounts.parse("").orElseThrow().isEmpty()).isTrue();
        assertThat(SuggestedAmounts.parse(null).orElseThrow().isEmpty()).isTrue();
        assertThat(SuggestedAmounts.parse("USD 5;").orElseThrow().text()).isEqualTo("USD 5");
    }

    @Test
    void amountsThatAreNotWholePositiveNumbersOrRepeatACurrencyAreRefused() {
        for (String bad : List.of("5 10 25", "USD", "USD 0", "USD -5", "USD 5.50", "USD ten", "USD 1e3", "US 5",
                "USDX 5", "USD 5; USD 10", "USD 1 2 3 4 5 6 7", "USD 9999999999", "USD 5;;EUR 5",
                "AAA 1; BBB 1; CCC 1; DDD 1; EEE 1; FFF 1; GGG 1", "USD 5<script>")) {
            assertThat(SuggestedAmounts.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void aCompleteDialogPasses() {
        assertThat(AskRules.check(modal("USD 10 25", "USD 5 10; EUR 5", "JPY 500", "test stripe"), LIMITS)).isEmpty();
    }

    @Test
    void aDialogNeedsAmountsAndKnownMethods() {
        assertThat(fields(modal("", "", "", ""))).containsExactly("amounts_once", "methods");
        assertThat(fields(modal("USD 5", "", "", "bank paypal"))).containsExactly("methods");
    }

    @Test
    void amountsMustBeInAcceptedCurrenciesAndWithinLimits() {
        assertThat(fields(modal("GBP 5", "USD 20000", "USD 10", "bank")))
                .containsExactly("amounts_once", "amounts_monthly");
        assertThat(fields(modal("USD 5 10", "nonsense", "", "bank"))).containsExactly("amounts_monthly");
        assertThat(fields(modal("JPY 99", "JPY 1000001", "JPY 100 1000000", "bank")))
                .containsExactly("amounts_once", "amounts_monthly");
        assertThat(AskRules.range(LIMITS, "USD")).isEqualTo("1–10000 USD");
        assertThat(AskRules.range(LIMITS, "JPY")).isEqualTo("100–1000000 JPY");
    }

    @Test
    void everyKindNeedsANameAndATextWithinLengthLimits() {
        Ask empty = new Ask(0, AskKind.BANNER, Language.EN, " ", true, "", "", "", "", "", "", "", "", false);
        assertThat(fields(empty)).containsExactly("name", "body");
        Ask longOne = new Ask(0, AskKind.STORY, Language.RU, "n".repeat(101), true, "h".repeat(201), "b".repeat(4001),
                "", "x".repeat(61), "", "", "", "", false);
        assertThat(fields(longOne)).containsExactly("name", "headline", "body", "button");
    }

    @Test
    void oneLineFieldsLoseLineBreaksAndControlCharacters() {
        assertThat(AskRules.line(" Support\r\nus\u0000now\u2028 ")).isEqualTo("Support  us now");
        assertThat(AskRules.methods(" Card,  CRYPTO bank ")).containsExactly("card", "crypto", "bank");
        assertThat(AskRules.methods("  ")).isEmpty();
    }

    @Test
    void readersMayOnlyReportWhatTheySee() {
        assertThat(AskEvent.reported("shown")).contains(AskEvent.SHOWN);
        assertThat(AskEvent.reported("continued")).contains(AskEvent.CONTINUED);
        assertThat(AskEvent.reported("completed")).isEmpty();
        assertThat(AskEvent.reported("SHOWN")).isEmpty();
        assertThat(AskKind.fromCode("modal")).contains(AskKind.MODAL);
        assertThat(AskKind.fromCode("popup")).isEmpty();
    }
}
