package org.samizdat.revenue.btcpay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The two Greenfield API calls we make to the newsroom's BTCPay Server: create an invoice for a pending donation
 * (its {@code metadata.orderId} is our donation id) and fetch an invoice, whose state is what we believe, never
 * the webhook's word alone. The API key travels in the {@code Authorization: token …} header and is never logged.
 */
@Component
class BtcpayApi {

    private final BtcpayProperties properties;
    private final RestClient http;

    BtcpayApi(BtcpayProperties properties) {
        this.properties = properties;
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    BtcpayInvoice create(String donationId, long amountMinor, String currency, String language, String redirectUrl,
            String description) {
        Map<String, Object> checkout = new LinkedHashMap<>();
        if (redirectUrl != null) {
            checkout.put("redirectURL", redirectUrl);
        }
        checkout.put("redirectAutomatically", true);
        checkout.put("defaultLanguage", "ru".equals(language) ? "ru-RU" : "en");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", decimal(amountMinor, currency).toPlainString());
        body.put("currency", currency.toUpperCase(Locale.ROOT));
        body.put("metadata", Map.of("orderId", donationId,
                "itemDesc", description == null || description.isBlank() ? "Donation" : description));
        body.put("checkout", checkout);
        JsonNode invoice = http.post().uri(invoices())
                .header("Authorization", "token " + properties.apiKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve().body(JsonNode.class);
        return BtcpayInvoice.of(invoice);
    }

    /** An invoice still open for payment that was made for this donation before, so a repeat reuses it. */
    Optional<BtcpayInvoice> openInvoice(String donationId) {
        JsonNode list = http.get().uri(invoices() + "?orderId={order}&status=New", donationId)
                .header("Authorization", "token " + properties.apiKey())
                .accept(MediaType.APPLICATION_JSON)
                .retrieve().body(JsonNode.class);
        if (list == null || !list.isArray()) {
            return Optional.empty();
        }
        for (JsonNode node : list) {
            BtcpayInvoice invoice = BtcpayInvoice.of(node);
            if ("New".equals(invoice.status()) && donationId.equals(invoice.orderId())) {
                return Optional.of(invoice);
            }
        }
        return Optional.empty();
    }

    BtcpayInvoice fetch(String invoiceId) {
        JsonNode invoice = http.get().uri(invoices() + "/{id}", invoiceId)
                .header("Authorization", "token " + properties.apiKey())
                .accept(MediaType.APPLICATION_JSON)
                .retrieve().body(JsonNode.class);
        return BtcpayInvoice.of(invoice);
    }

    private String invoices() {
        return properties.url() + "/api/v1/stores/" + properties.storeId() + "/invoices";
    }

    /** Minor units as the decimal amount BTCPay expects, with the currency's own number of decimals. */
    static BigDecimal decimal(long amountMinor, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return BigDecimal.valueOf(amountMinor, digits).setScale(digits, RoundingMode.UNNECESSARY);
    }

    /** A decimal amount back in minor units. */
    static long minor(BigDecimal amount, String currency) {
        return amount.movePointRight(decimal(0, currency).scale()).setScale(0, RoundingMode.DOWN).longValueExact();
    }
}
