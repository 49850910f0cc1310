package org.samizdat.revenue.internal;

import java.time.Clock;
import java.util.UUID;
import org.samizdat.revenue.checkout.PaymentLedger;
import org.samizdat.revenue.checkout.PlanStatus;
import org.samizdat.revenue.checkout.ProviderRefs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives test-mode webhooks as a real provider's would be received: the signature checked on the raw body
 * (stale or future timestamps refused), the event id recorded in the same transaction as its effect, unknown
 * types acknowledged and ignored.
 */
@Service
public class TestWebhookHandler {

    /** How the delivery was answered: the HTTP status the endpoint sends. */
    public enum Result {
        APPLIED(200), DUPLICATE(200), IGNORED(200), BAD_SIGNATURE(401), BAD_PAYLOAD(400);

        public final int status;

        Result(int status) {
            this.status = status;
        }
    }

    static final long TOLERANCE_SECONDS = 300;

    private final RevenueSecret secret;
    private final PaymentLedger ledger;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    TestWebhookHandler(RevenueSecret secret, PaymentLedger ledger, Clock clock) {
        this.secret = secret;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public Result handle(String body, String signatureHeader) {
        if (!signed(body, signatureHeader)) {
            return Result.BAD_SIGNATURE;
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (JacksonException e) {
            return Result.BAD_PAYLOAD;
        }
        String id = event.path("id").asString("");
        if (id.isEmpty() || id.length() > 200) {
            return Result.BAD_PAYLOAD;
        }
        if (!ledger.recordEvent(TestProvider.ID, id)) {
            return Result.DUPLICATE;
        }
        try {
            return apply(event) ? Result.APPLIED : Result.IGNORED;
        } catch (IllegalArgumentException e) {
            throw new BadEvent(e);
        }
    }

    private boolean apply(JsonNode e) {
        String type = e.path("type").asString("");
        String payment = e.path("payment").asString(null);
        String subscription = e.path("subscription").asString(null);
        String invoice = e.path("invoice").asString(null);
        switch (type) {
            case "payment.succeeded" -> ledger.markPaid(uuid(e, "donation"), TestProvider.ID,
                    new ProviderRefs(payment, null, subscription, invoice), e.path("email").asString(null));
            case "payment.failed" -> ledger.markFailed(uuid(e, "donation"), TestProvider.ID, "simulated");
            case "invoice.paid" -> ledger.recordRenewal(TestProvider.ID, uuid(e, "origin"), e.path("amount").asLong(),
                    e.path("currency").asString(""), new ProviderRefs(payment, null, subscription, invoice));
            case "invoice.failed" -> ledger.recordFailedRenewal(TestProvider.ID, uuid(e, "origin"),
                    new ProviderRefs(null, null, subscription, invoice));
            case "subscription.cancelled" -> ledger.changePlan(TestProvider.ID, subscription, PlanStatus.CANCELLED, null);
            case "charge.refunded" -> ledger.recordRefund(TestProvider.ID, payment, e.path("refund").asString(""),
                    e.path("amount").asLong());
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean signed(String body, String header) {
        if (header == null || body == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null || !t.matches("[0-9]{1,12}")) {
            return false;
        }
        long age = clock.instant().getEpochSecond() - Long.parseLong(t);
        return Math.abs(age) <= TOLERANCE_SECONDS && secret.verify(TestWebhooks.PURPOSE, t + "." + body, v1);
    }

    private static UUID uuid(JsonNode e, String field) {
        String value = e.path(field).asString(null);
        return value == null ? null : UUID.fromString(value);
    }

    /** A well-signed event whose fields make no sense: answered 400 and rolled back. */
    public static class BadEvent extends RuntimeException {
        BadEvent(Throwable cause) {
            super("Malformed event", cause);
        }
    }
}
