package org.samizdat.newsletter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import org.samizdat.newsletter.internal.BounceProperties;
import org.samizdat.newsletter.internal.BounceReport;
import org.samizdat.newsletter.internal.GenericWebhook;
import org.samizdat.newsletter.internal.SendingMetrics;
import org.samizdat.newsletter.internal.SesNotifications;
import org.samizdat.newsletter.internal.SnsMessage;
import org.samizdat.newsletter.internal.SnsVerifier;
import org.samizdat.newsletter.internal.Suppressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * Bounce and complaint webhooks: Amazon SES through SNS ({@code /newsletter/webhooks/ses}, signature checked with
 * Amazon's certificate) and a provider-neutral one signed with a shared secret ({@code /newsletter/webhooks/bounces}).
 * The raw body is checked before anything is acted on; anything wrong is a 4xx that changes nothing, and logs name
 * the reason only, never an address. A message seen before answers 200 and changes nothing.
 */
@RestController
class BounceWebhookController {

    static final int MAX_BODY = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(BounceWebhookController.class);

    private final BounceProperties properties;
    private final SnsVerifier sns;
    private final Suppressions suppressions;
    private final SendingMetrics metrics;
    private final ObjectMapper json;
    private final Clock clock;

    BounceWebhookController(BounceProperties properties, SnsVerifier sns, Suppressions suppressions,
            SendingMetrics metrics, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.sns = sns;
        this.suppressions = suppressions;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/newsletter/webhooks/ses")
    ResponseEntity<String> ses(HttpServletRequest request) throws IOException {
        if (!properties.snsEnabled()) {
            return answer(HttpStatus.NOT_FOUND, "off");
        }
        byte[] body = read(request);
        if (body == null) {
            return refused("ses", HttpStatus.PAYLOAD_TOO_LARGE, "too-large");
        }
        SnsMessage message;
        try {
            message = SnsMessage.parse(json, body);
        } catch (SnsMessage.Malformed e) {
            return refused("ses", HttpStatus.BAD_REQUEST, "malformed");
        }
        SnsVerifier.Verdict verdict = sns.verify(message);
        if (verdict == SnsVerifier.Verdict.CERT_UNAVAILABLE) {
            log.warn("SES webhook: signing certificate unavailable; SNS will retry");
            metrics.webhookRefused("ses", "cert-unavailable");
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "certificate unavailable");
        }
        if (verdict != SnsVerifier.Verdict.VALID) {
            return refused("ses", HttpStatus.FORBIDDEN, verdict.name().toLowerCase().replace('_', '-'));
        }
        if (!properties.topicAllowed(message.topicArn())) {
            return refused("ses", HttpStatus.FORBIDDEN, "topic");
        }
        switch (message.type()) {
            case SnsMessage.SUBSCRIBE -> {
                boolean confirmed = sns.confirm(message);
                log.info("SES webhook: topic subscription {}", confirmed ? "confirmed" : "not confirmed");
                return confirmed ? answer(HttpStatus.OK, "confirmed") : refused("ses", HttpStatus.BAD_REQUEST, "subscribe-url");
            }
            case SnsMessage.NOTIFICATION -> {
                List<BounceReport> reports;
                try {
                    reports = SesNotifications.reports(json, message.message());
                } catch (SnsMessage.Malformed e) {
                    return refused("ses", HttpStatus.BAD_REQUEST, "malformed");
                }
                return handled(suppressions.apply("ses", message.messageId(), reports));
            }
            default -> {
                return answer(HttpStatus.OK, "ignored");
            }
        }
    }

    @PostMapping("/newsletter/webhooks/bounces")
    ResponseEntity<String> generic(HttpServletRequest request) throws IOException {
        if (properties.genericSecret().isEmpty()) {
            return answer(HttpStatus.NOT_FOUND, "off");
        }
        byte[] body = read(request);
        if (body == null) {
            return refused("generic", HttpStatus.PAYLOAD_TOO_LARGE, "too-large");
        }
        GenericWebhook.Verdict verdict = GenericWebhook.check(properties, request.getHeader("X-Samizdat-Timestamp"),
                request.getHeader("X-Samizdat-Signature"), body, clock.instant());
        if (verdict != GenericWebhook.Verdict.VALID) {
            return refused("generic", verdict == GenericWebhook.Verdict.MISSING || verdict == GenericWebhook.Verdict.MALFORMED
                    ? HttpStatus.BAD_REQUEST : HttpStatus.FORBIDDEN, verdict.name().toLowerCase());
        }
        GenericWebhook.Body parsed;
        try {
            parsed = GenericWebhook.parse(json, body);
        } catch (SnsMessage.Malformed e) {
            return refused("generic", HttpStatus.BAD_REQUEST, "malformed");
        }
        return handled(suppressions.apply("generic", parsed.id(), parsed.reports()));
    }

    private ResponseEntity<String> handled(Suppressions.Outcome outcome) {
        return answer(HttpStatus.OK, outcome.name().toLowerCase());
    }

    private ResponseEntity<String> refused(String source, HttpStatus status, String reason) {
        log.warn("Bounce webhook ({}) refused: {}", source, reason);
        metrics.webhookRefused(source, reason);
        return answer(status, reason);
    }

    private static byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : body;
        }
    }

    private static ResponseEntity<String> answer(HttpStatus status, String text) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(text + "\n");
    }
}
