package org.samizdat.revenue.btcpay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * BTCPay Server settings ({@code samizdat.btcpay.*}): the server's address, the store, a Greenfield API key
 * allowed to create and view that store's invoices, the webhook's secret, and how often the job looks for crypto
 * plans whose next payment link is due. BTCPay is offered only when all four connection settings are set.
 */
@ConfigurationProperties("samizdat.btcpay")
record BtcpayProperties(
        String url,
        String storeId,
        String apiKey,
        String webhookSecret,
        Duration renewalInterval,
        Duration timeout) {

    BtcpayProperties {
        url = url == null ? "" : url.trim().replaceAll("/+$", "");
        storeId = storeId == null ? "" : storeId.trim();
        apiKey = apiKey == null ? "" : apiKey.trim();
        webhookSecret = webhookSecret == null ? "" : webhookSecret.trim();
        renewalInterval = renewalInterval == null ? Duration.ofMinutes(15) : renewalInterval;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    }

    boolean configured() {
        return !url.isEmpty() && !storeId.isEmpty() && !apiKey.isEmpty() && !webhookSecret.isEmpty();
    }

    @Override
    public String toString() {
        return "BtcpayProperties[url=" + url + ", storeId=" + storeId + ", configured=" + configured() + "]";
    }
}
