package org.samizdat.revenue.btcpay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.samizdat.revenue.ProviderStubs;

/** Builds BTCPay deliveries and invoices from the fixtures, signs deliveries with BTCPay's scheme and posts them. */
final class BtcpayHooks {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
    private final int port;

    BtcpayHooks(int port) {
        this.port = port;
    }

    static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + Long.toString(System.nanoTime(), 36);
    }

    static String invoiceJson(String invoice, String donation, String amount, String currency, String status,
            String additional) {
        return ProviderStubs.fixture("btcpay/invoice.json", Map.of("invoice", invoice, "store", ProviderStubs.BTCPAY_STORE,
                "amount", amount, "currency", currency, "base", ProviderStubs.baseUrl(), "status", status,
                "additional", additional, "donation", donation));
    }

    /** Makes the stand-in server answer this invoice's state when it is fetched. */
    static void invoiceIs(String invoice, String donation, String amount, String currency, String status, String additional) {
        ProviderStubs.server().stubFor(get(urlEqualTo("/api/v1/stores/" + ProviderStubs.BTCPAY_STORE + "/invoices/" + invoice))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(invoiceJson(invoice, donation, amount, currency, status, additional))));
    }

    /** A delivery from a fixture; {@code original} is the first delivery's id (the same as its own for a first). */
    static String delivery(String fixture, String delivery, String original, String invoice, String donation,
            Map<String, ?> extra) {
        Map<String, Object> values = new HashMap<>(extra);
        values.put("delivery", delivery);
        values.put("original", original);
        values.put("redelivery", !delivery.equals(original));
        values.put("store", ProviderStubs.BTCPAY_STORE);
        values.put("invoice", invoice);
        values.put("donation", donation);
        return ProviderStubs.fixture("btcpay/" + fixture + ".json", values);
    }

    static String signature(String body, String secret) {
        return "sha256=" + HexFormat.of().formatHex(new BtcpaySignature(secret).sign(body.getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> deliver(String body) {
        return deliver(body, signature(body, ProviderStubs.BTCPAY_WEBHOOK_SECRET));
    }

    HttpResponse<String> deliver(String body, String signatureHeader) {
        return ProviderStubs.deliver(port, "/support/webhooks/btcpay", body, "BTCPay-Sig", signatureHeader,
                "User-Agent", "BTCPayServer");
    }
}
