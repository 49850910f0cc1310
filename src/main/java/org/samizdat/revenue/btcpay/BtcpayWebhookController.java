package org.samizdat.revenue.btcpay;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.samizdat.revenue.checkout.WebhookBodies;
import org.samizdat.revenue.checkout.WebhookOutcomes;
import org.samizdat.revenue.checkout.WebhookOutcomes.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * BTCPay Server's webhook endpoint: the {@code BTCPay-Sig} HMAC is checked over the raw body, the delivery is
 * read, and the invoice it names is fetched again from the server before anything is credited. 2xx tells BTCPay
 * the delivery is done; 5xx makes it try again.
 */
@RestController
class BtcpayWebhookController {

    static final int MAX_BODY = 64 * 1024;
    private static final String PROVIDER = "btcpay";
    private static final Logger log = LoggerFactory.getLogger(BtcpayWebhookController.class);

    private final BtcpayProperties properties;
    private final BtcpaySignature signature;
    private final BtcpayEventHandler handler;
    private final ObjectMapper json;
    private final WebhookOutcomes outcomes;

    BtcpayWebhookController(BtcpayProperties properties, BtcpayEventHandler handler, ObjectMapper json,
            WebhookOutcomes outcomes) {
        this.outcomes = outcomes;
        this.properties = properties;
        this.signature = new BtcpaySignature(properties.webhookSecret());
        this.handler = handler;
        this.json = json;
    }

    @PostMapping("/support/webhooks/btcpay")
    ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        if (!properties.configured()) {
            return WebhookBodies.answer(HttpStatus.NOT_FOUND, "btcpay is not configured");
        }
        byte[] body = WebhookBodies.read(request, MAX_BODY);
        if (body == null) {
            return WebhookBodies.answer(HttpStatus.PAYLOAD_TOO_LARGE, "body too large");
        }
        if (!signature.valid(request.getHeader("BTCPay-Sig"), body)) {
            log.warn("BTCPay webhook refused: bad or missing signature");
            outcomes.count(PROVIDER, Outcome.REJECTED_SIGNATURE);
            return WebhookBodies.answer(HttpStatus.UNAUTHORIZED, "bad signature");
        }
        BtcpayDelivery delivery;
        try {
            delivery = BtcpayDelivery.of(json.readTree(body));
        } catch (JacksonException | IllegalArgumentException e) {
            outcomes.count(PROVIDER, Outcome.REJECTED_PAYLOAD);
            return WebhookBodies.answer(HttpStatus.BAD_REQUEST, "bad payload");
        }
        if (!delivery.storeId().equals(properties.storeId())) {
            outcomes.count(PROVIDER, Outcome.ACCEPTED);
            return WebhookBodies.answer(HttpStatus.OK, "other store");
        }
        try {
            BtcpayEventHandler.Outcome outcome = handler.handle(delivery);
            outcomes.count(PROVIDER,
                    outcome == BtcpayEventHandler.Outcome.DUPLICATE ? Outcome.DUPLICATE : Outcome.ACCEPTED);
            return WebhookBodies.answer(HttpStatus.OK, outcome.name().toLowerCase());
        } catch (RuntimeException e) {
            log.error("BTCPay delivery {} ({}) failed; BTCPay will retry", delivery.key(), delivery.type(), e);
            outcomes.count(PROVIDER, Outcome.FAILED);
            return WebhookBodies.answer(HttpStatus.INTERNAL_SERVER_ERROR, "failed");
        }
    }

    /** One webhook delivery: its type, store and invoice, and the key that stays the same across redeliveries. */
    record BtcpayDelivery(String key, String type, String storeId, String invoiceId) {

        static BtcpayDelivery of(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            String delivery = root.path("deliveryId").asString("");
            String original = root.path("originalDeliveryId").asString("");
            String type = root.path("type").asString("");
            String store = root.path("storeId").asString("");
            String invoice = root.path("invoiceId").asString("");
            String key = original.isBlank() ? delivery : original;
            if (!key.matches("[A-Za-z0-9_-]{1,100}") || type.isBlank() || store.isBlank()) {
                throw new IllegalArgumentException("delivery without id, type or store");
            }
            if (!invoice.isEmpty() && !invoice.matches("[A-Za-z0-9_-]{1,100}")) {
                throw new IllegalArgumentException("bad invoice id");
            }
            return new BtcpayDelivery(key, type, store, invoice);
        }
    }
}
