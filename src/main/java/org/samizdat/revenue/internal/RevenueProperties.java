package org.samizdat.revenue.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Revenue start-up settings ({@code samizdat.revenue.*}): the defaults the newsroom's own settings start from,
 * the secret that signs self-service links and test-mode webhooks, and the checkout rate limit.
 */
@ConfigurationProperties("samizdat.revenue")
public record RevenueProperties(
        String secret,
        List<String> currencies,
        List<String> methods,
        String testMode,
        Duration manageLinkTtl,
        Integer checkoutsPerClient,
        Duration clientWindow) {

    public RevenueProperties {
        secret = secret == null ? "" : secret.trim();
        currencies = currencies == null || currencies.isEmpty() ? List.of("USD", "EUR") : List.copyOf(currencies);
        methods = methods == null || methods.isEmpty() ? List.of("test", "stripe", "btcpay", "bank") : List.copyOf(methods);
        testMode = testMode == null || testMode.isBlank() ? "auto" : testMode.trim();
        manageLinkTtl = manageLinkTtl == null ? Duration.ofDays(30) : manageLinkTtl;
        checkoutsPerClient = checkoutsPerClient == null ? 20 : checkoutsPerClient;
        clientWindow = clientWindow == null ? Duration.ofMinutes(10) : clientWindow;
    }
}
