package org.samizdat.revenue.btcpay;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.PaymentsAppTest;
import org.samizdat.revenue.ProviderStubs;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Deliveries without BTCPay's signature, or that are not deliveries, are refused before anything is fetched. */
@PaymentsAppTest
class BtcpayWebhookRefusalTest {

    @LocalServerPort
    int port;

    @Test
    void refusesMissingWrongAndTamperedSignatures() {
        String invoice = BtcpayHooks.unique("Inv");
        String delivery = BtcpayHooks.unique("Dlv");
        String body = BtcpayHooks.delivery("webhook-settled", delivery, delivery, invoice, UUID.randomUUID().toString(), Map.of());
        BtcpayHooks hooks = new BtcpayHooks(port);
        for (String header : new String[] {null, "", "sha256=", "sha256=nothex", "sha1=" + "ab".repeat(20),
                BtcpayHooks.signature(body, "wrong-secret"), BtcpayHooks.signature(body, ProviderStubs.BTCPAY_WEBHOOK_SECRET).substring(7)}) {
            var response = hooks.deliver(body, header);
            assertThat(response.statusCode()).as(String.valueOf(header)).isEqualTo(401);
            assertThat(response.body()).isEqualTo("bad signature\n");
        }
        String tampered = body.replace("\"manuallyMarked\": false", "\"manuallyMarked\": true");
        assertThat(hooks.deliver(tampered, BtcpayHooks.signature(body, ProviderStubs.BTCPAY_WEBHOOK_SECRET)).statusCode())
                .isEqualTo(401);
        ProviderStubs.server().verify(0, getRequestedFor(urlEqualTo("/api/v1/stores/" + ProviderStubs.BTCPAY_STORE
                + "/invoices/" + invoice)));
    }

    @Test
    void signedGarbageIsABadPayload() {
        BtcpayHooks hooks = new BtcpayHooks(port);
        for (String garbage : new String[] {"nope", "[]", "{}", "{\"deliveryId\":\"d\",\"type\":\"InvoiceSettled\"}",
                "{\"deliveryId\":\"d 1\",\"type\":\"InvoiceSettled\",\"storeId\":\"s\"}",
                "{\"deliveryId\":\"d1\",\"type\":\"InvoiceSettled\",\"storeId\":\"s\",\"invoiceId\":\"../../x\"}"}) {
            assertThat(hooks.deliver(garbage).statusCode()).as(garbage).isEqualTo(400);
        }
    }

    @Test
    void deliveriesForAnotherStoreOrOfOtherTypesAreAcknowledgedAndIgnored() {
        BtcpayHooks hooks = new BtcpayHooks(port);
        String other = "{\"deliveryId\":\"d1\",\"originalDeliveryId\":\"d1\",\"type\":\"InvoiceSettled\","
                + "\"storeId\":\"OtherStore\",\"invoiceId\":\"Inv1\"}";
        assertThat(hooks.deliver(other).body()).isEqualTo("other store\n");
        String created = "{\"deliveryId\":\"d2\",\"originalDeliveryId\":\"d2\",\"type\":\"InvoiceCreated\","
                + "\"storeId\":\"" + ProviderStubs.BTCPAY_STORE + "\",\"invoiceId\":\"Inv2\"}";
        var response = hooks.deliver(created);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ignored\n");
    }

    @Test
    void refusesBodiesLargerThanAnyDelivery() {
        String huge = "{\"pad\":\"" + "x".repeat(BtcpayWebhookController.MAX_BODY) + "\"}";
        assertThat(new BtcpayHooks(port).deliver(huge).statusCode()).isEqualTo(413);
    }
}
