package org.samizdat.newsletter.internal;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An Amazon SNS HTTP(S) delivery: a {@code Notification}, {@code SubscriptionConfirmation} or
 * {@code UnsubscribeConfirmation}, with the fields its signature covers and the string SNS signs (each signed field's
 * name and value on lines of their own, in the documented order).
 */
public record SnsMessage(String type, String messageId, String topicArn, String subject, String message,
        String timestamp, String token, String subscribeUrl, String signatureVersion, String signature,
        String signingCertUrl) {

    public static final String NOTIFICATION = "Notification";
    public static final String SUBSCRIBE = "SubscriptionConfirmation";
    public static final String UNSUBSCRIBE = "UnsubscribeConfirmation";

    /** The body is not an SNS message. */
    public static final class Malformed extends RuntimeException {
        Malformed(String why) {
            super(why, null, false, false);
        }
    }

    public static SnsMessage parse(ObjectMapper json, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new Malformed("not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("not an object");
        }
        SnsMessage message = new SnsMessage(text(root, "Type"), text(root, "MessageId"), text(root, "TopicArn"),
                text(root, "Subject"), text(root, "Message"), text(root, "Timestamp"), text(root, "Token"),
                text(root, "SubscribeURL"), text(root, "SignatureVersion"), text(root, "Signature"),
                text(root, "SigningCertURL"));
        boolean known = NOTIFICATION.equals(message.type) || SUBSCRIBE.equals(message.type)
                || UNSUBSCRIBE.equals(message.type);
        if (!known || message.messageId == null || message.messageId.length() > 100 || message.topicArn == null
                || message.message == null || message.timestamp == null || message.signature == null
                || message.signingCertUrl == null || message.signatureVersion == null) {
            throw new Malformed("missing fields");
        }
        if (!NOTIFICATION.equals(message.type) && (message.token == null || message.subscribeUrl == null)) {
            throw new Malformed("confirmation without token or SubscribeURL");
        }
        return message;
    }

    /** The bytes SNS signed for this message type. */
    public byte[] canonical() {
        StringBuilder text = new StringBuilder();
        field(text, "Message", message);
        field(text, "MessageId", messageId);
        if (NOTIFICATION.equals(type)) {
            if (subject != null) {
                field(text, "Subject", subject);
            }
            field(text, "Timestamp", timestamp);
            field(text, "TopicArn", topicArn);
        } else {
            field(text, "SubscribeURL", subscribeUrl);
            field(text, "Timestamp", timestamp);
            field(text, "Token", token);
            field(text, "TopicArn", topicArn);
        }
        field(text, "Type", type);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append(name).append('\n').append(value).append('\n');
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isString() ? node.asString() : null;
    }
}
