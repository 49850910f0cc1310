package org.samizdat.revenue.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.samizdat.revenue.RevenueOptions;
import org.samizdat.revenue.checkout.PaymentProvider;
import org.samizdat.shared.Language;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@link RevenueOptions} from the newsroom's settings: its currencies, and those of its methods whose provider
 * is configured. Limits not set for a currency default to 1 to 10,000 major units.
 */
@Component
class ConfiguredOptions implements RevenueOptions {

    private static final BigDecimal DEFAULT_MIN = BigDecimal.ONE;
    private static final BigDecimal DEFAULT_MAX = BigDecimal.valueOf(10_000);

    private final Settings settings;
    private final ObjectProvider<PaymentProvider> providers;

    ConfiguredOptions(Settings settings, ObjectProvider<PaymentProvider> providers) {
        this.settings = settings;
        this.providers = providers;
    }

    @Override
    public List<String> currencies() {
        return settings.current().currencies().stream().filter(Money::known).toList();
    }

    @Override
    public List<String> methods() {
        List<PaymentProvider> enabled = providers.orderedStream().filter(PaymentProvider::enabled).toList();
        return settings.current().methods().stream()
                .filter(method -> enabled.stream().anyMatch(p -> p.id().equals(method))).toList();
    }

    @Override
    public long minimumMinor(String currency) {
        return limit(currency, 0, DEFAULT_MIN);
    }

    @Override
    public long maximumMinor(String currency) {
        return limit(currency, 1, DEFAULT_MAX);
    }

    @Override
    public int minorDigits(String currency) {
        return Money.digits(currency);
    }

    @Override
    public String format(long amountMinor, String currency, Language language) {
        return Money.format(amountMinor, currency, language);
    }

    private long limit(String currency, int which, BigDecimal fallback) {
        Map<String, BigDecimal[]> limits = settings.current().limits();
        BigDecimal[] pair = limits.get(currency);
        return Money.toMinor(pair == null ? fallback : pair[which], currency);
    }

}
