package org.samizdat.revenue.web;

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

    private final TestWebhookHandler handler;
    private final Donations donations;

    TestWebhookController(TestWebhookHandler handler, Donations donations) {
        this.handler = handler;
        this.donations = donations;
    }

    @PostMapping("/support/test-webhook")
    ResponseEntity<String> receive(@RequestBody(required = false) String body,
            @RequestHeader(name = "Samizdat-Signature", required = false) String signature) {
        if (!donations.testModeOn()) {
            return ResponseEntity.notFound().build();
        }
        TestWebhookHandler.Result result = handler.handle(body, signature);
        return ResponseEntity.status(result.status).header("Cache-Control", "no-store").body(result.name());
    }

    @ExceptionHandler(TestWebhookHandler.BadEvent.class)
    ResponseEntity<String> badEvent() {
        return ResponseEntity.badRequest().body("BAD_PAYLOAD");
    }
}
