package org.samizdat.revenue.stripe;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import org.samizdat.revenue.checkout.WebhookBodies;
import org.samizdat.revenue.checkout.WebhookOutcomes;
import org.samizdat.revenue.checkout.WebhookOutcomes.Outcome;
import org.samizdat.revenue.stripe.StripeSignature.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * Stripe's webhook endpoint. The signature is checked over the raw body bytes before anything is parsed; then
 * the event is handled in one transaction with the record of its id. Stripe reads the status: 2xx done (also for
 * types we ignore and events seen before), 400 never retried, 5xx retried later.
 */
@RestController
class StripeWebhookController {

    static final int MAX_BODY = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final StripeProperties properties;
    private final StripeSignature signature;
    private final StripeEventHandler handler;
    private final ObjectMapper json;
    private final Clock clock;
    private final WebhookOutcomes outcomes;

    StripeWebhookController(StripeProperties properties, StripeEventHandler handler, ObjectMapper json, Clock clock,
            WebhookOutcomes outcomes) {
        this.outcomes = outcomes;
        this.properties = properties;
        this.signature = new StripeSignature(properties.webhookSecret(), properties.signatureMaxAge(),
                properties.signatureMaxAhead());
        this.handler = handler;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/support/webhooks/stripe")
    ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        if (!properties.configured()) {
            return WebhookBodies.answer(HttpStatus.NOT_FOUND, "stripe is not configured");
        }
        byte[] body = WebhookBodies.read(request, MAX_BODY);
        if (body == null) {
            return WebhookBodies.answer(HttpStatus.PAYLOAD_TOO_LARGE, "body too large");
        }
        Verdict verdict = signature.check(request.getHeader("Stripe-Signature"), body, clock.instant());
        if (verdict != Verdict.VALID) {
            log.warn("Stripe webhook refused: signature {}", verdict);
            outcomes.count(StripeEventHandler.PROVIDER, Outcome.REJECTED_SIGNATURE);
            return WebhookBodies.answer(HttpStatus.BAD_REQUEST, "signature " + verdict.name().toLowerCase());
        }
        StripeEvent event;
        try {
            event = StripeEvent.parse(json, body);
        } catch (StripeEvent.BadPayload e) {
            outcomes.count(StripeEventHandler.PROVIDER, Outcome.REJECTED_PAYLOAD);
            return WebhookBodies.answer(HttpStatus.BAD_REQUEST, "bad payload");
        }
        try {
            StripeEventHandler.Outcome outcome = handler.handle(event);
            outcomes.count(StripeEventHandler.PROVIDER,
                    outcome == StripeEventHandler.Outcome.DUPLICATE ? Outcome.DUPLICATE : Outcome.ACCEPTED);
            return WebhookBodies.answer(HttpStatus.OK, outcome.name().toLowerCase());
        } catch (StripeEvent.BadPayload e) {
            log.warn("Stripe event {} ({}) unreadable: {}", event.id(), event.type(), e.getMessage());
            outcomes.count(StripeEventHandler.PROVIDER, Outcome.REJECTED_PAYLOAD);
            return WebhookBodies.answer(HttpStatus.BAD_REQUEST, "bad payload");
        } catch (RuntimeException e) {
            log.error("Stripe event {} ({}) failed; Stripe will retry", event.id(), event.type(), e);
            outcomes.count(StripeEventHandler.PROVIDER, Outcome.FAILED);
            return WebhookBodies.answer(HttpStatus.INTERNAL_SERVER_ERROR, "failed");
        }
    }

}
