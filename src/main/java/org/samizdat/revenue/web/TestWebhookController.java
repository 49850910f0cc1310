package org.samizdat.revenue.web;

import org.samizdat.revenue.checkout.WebhookOutcomes;
import org.samizdat.revenue.checkout.WebhookOutcomes.Outcome;
import org.samizdat.revenue.internal.Donations;
import org.samizdat.revenue.internal.TestWebhookHandler;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test mode's webhook endpoint, answered like a real provider expects: 401 for a bad signature, 400 for a bad
 * payload, 200 for applied, repeated and unknown events; a failure while applying answers 500 so the sender retries.
 */
@RestController
class TestWebhookController {

    private static final String PROVIDER = "test";

    private final TestWebhookHandler handler;
    private final Donations donations;
    private final WebhookOutcomes outcomes;

    TestWebhookController(TestWebhookHandler handler, Donations donations, WebhookOutcomes outcomes) {
        this.handler = handler;
        this.donations = donations;
        this.outcomes = outcomes;
    }

    @PostMapping("/support/test-webhook")
    ResponseEntity<String> receive(@RequestBody(required = false) String body,
            @RequestHeader(name = "Samizdat-Signature", required = false) String signature) {
        if (!donations.testModeOn()) {
            return ResponseEntity.notFound().build();
        }
        TestWebhookHandler.Result result;
        try {
            result = handler.handle(body, signature);
        } catch (TestWebhookHandler.BadEvent e) {
            outcomes.count(PROVIDER, Outcome.REJECTED_PAYLOAD);
            throw e;
        } catch (RuntimeException e) {
            outcomes.count(PROVIDER, Outcome.FAILED);
            throw e;
        }
        outcomes.count(PROVIDER, switch (result) {
            case APPLIED, IGNORED -> Outcome.ACCEPTED;
            case DUPLICATE -> Outcome.DUPLICATE;
            case BAD_SIGNATURE -> Outcome.REJECTED_SIGNATURE;
            case BAD_PAYLOAD -> Outcome.REJECTED_PAYLOAD;
        });
        return ResponseEntity.status(result.status).header("Cache-Control", "no-store").body(result.name());
    }

    @ExceptionHandler(TestWebhookHandler.BadEvent.class)
    ResponseEntity<String> badEvent() {
        return ResponseEntity.badRequest().body("BAD_PAYLOAD");
    }
}
