package org.samizdat.newsletter.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The provider-neutral bounce webhook. Headers {@code X-Samizdat-Timestamp} (Unix seconds) and
 * {@code X-Samizdat-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>" under the configured secret>}; a
 * timestamp outside {@code generic-max-age} either side of now is refused (a replay). Body:
 * {@code {"id": "...", "events": [{"type": "hard_bounce"|"soft_bounce"|"complaint", "email": "...", "detail": "5.1.1"}]}}.
 */
public final class GenericWebhook {

    /** Why a delivery was refused, or {@code VALID}. */
    public enum Verdict { VALID, MISSING, MALFORMED, STALE, MISMATCH }

    /** A parsed body: its id (for redeliveries) and its reports. */
    public record Body(String id, List<BounceReport> reports) {
    }

    private static final int MAX_EVENTS = 100;
    private static final HexFormat HEX = HexFormat.of();

    private GenericWebhook() {
    }

    public static Verdict check(BounceProperties properties, String timestamp, String signature, byte[] body,
            Instant now) {
        if (timestamp == null || signature == null) {
            return Verdict.MISSING;
        }
        if (!timestamp.matches("[0-9]{1,12}") || !signature.matches("v1=[0-9a-fA-F]{64}")) {
            return Verdict.MALFORMED;
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (signedAt.isBefore(now.minus(properties.genericMaxAge())) || signedAt.isAfter(now.plus(properties.genericMaxAge()))) {
            return Verdict.STALE;
        }
        byte[] expected = sign(properties.genericSecret(), timestamp, body);
        return MessageDigest.isEqual(expected, HEX.parseHex(signature.substring(3).toLowerCase()))
                ? Verdict.VALID : Verdict.MISMATCH;
    }

    /** The signature bytes for a body sent at a timestamp. */
    public static byte[] sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    public static Body parse(ObjectMapper json, byte[] raw) {
        JsonNode root;
        try {
            root = json.readTree(raw);
        } catch (JacksonException e) {
            throw new SnsMessage.Malformed("not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new SnsMessage.Malformed("not an object");
        }
        String id = root.path("id").asString("");
        JsonNode events = root.path("events");
        if (!id.matches("[A-Za-z0-9._:-]{1,100}") || !events.isArray() || events.size() == 0
                || events.size() > MAX_EVENTS) {
            throw new SnsMessage.Malformed("id or events missing");
        }
        List<BounceReport> reports = new ArrayList<>();
        for (JsonNode event : events) {
            BounceReport.Kind kind = switch (event.path("type").asString("")) {
                case "hard_bounce" -> BounceReport.Kind.HARD_BOUNCE;
                case "soft_bounce" -> BounceReport.Kind.SOFT_BOUNCE;
                case "complaint" -> BounceReport.Kind.COMPLAINT;
                default -> throw new SnsMessage.Malformed("unknown event type");
            };
            String email = event.path("email").asString("");
            if (email.isEmpty()) {
                throw new SnsMessage.Malformed("event without email");
            }
            String detail = event.path("detail").asString("");
            reports.add(new BounceReport(email, kind, detail.matches("[A-Za-z0-9. _-]{1,40}") ? detail : null));
        }
        return new Body(id, reports);
    }
}
