package org.samizdat.newsletter.internal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the Amazon SES notification inside an SNS message: {@code Bounce} (bounceType {@code Permanent} is a hard
 * bounce; {@code Transient} and {@code Undetermined} are soft) and {@code Complaint}, as notifications
 * ({@code notificationType}) or event publishing ({@code eventType}). Other types (Delivery, Send…) give no report.
 */
public final class SesNotifications {

    private static final int MAX_RECIPIENTS = 100;

    private SesNotifications() {
    }

    /** The reports in an SES notification; throws {@link SnsMessage.Malformed} when it is not one. */
    public static List<BounceReport> reports(ObjectMapper json, String message) {
        JsonNode root;
        try {
            root = json.readTree(message);
        } catch (JacksonException e) {
            throw new SnsMessage.Malformed("SES notification is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new SnsMessage.Malformed("SES notification is not an object");
        }
        String type = root.path("notificationType").asString(root.path("eventType").asString(""));
        List<BounceReport> reports = new ArrayList<>();
        switch (type) {
            case "Bounce" -> {
                JsonNode bounce = root.path("bounce");
                String bounceType = bounce.path("bounceType").asString("");
                if (bounceType.isEmpty()) {
                    throw new SnsMessage.Malformed("Bounce without bounceType");
                }
                BounceReport.Kind kind = "Permanent".equals(bounceType) ? BounceReport.Kind.HARD_BOUNCE
                        : BounceReport.Kind.SOFT_BOUNCE;
                for (JsonNode recipient : recipients(bounce, "bouncedRecipients")) {
                    String status = recipient.path("status").asString("");
                    reports.add(new BounceReport(recipient.path("emailAddress").asString(""), kind,
                            status.matches("[245]\\.[0-9]{1,3}\\.[0-9]{1,3}") ? status : bounceType));
                }
            }
            case "Complaint" -> {
                JsonNode complaint = root.path("complaint");
                String feedback = complaint.path("complaintFeedbackType").asString("complaint");
                for (JsonNode recipient : recipients(complaint, "complainedRecipients")) {
                    reports.add(new BounceReport(recipient.path("emailAddress").asString(""),
                            BounceReport.Kind.COMPLAINT, feedback.matches("[a-z-]{1,30}") ? feedback : "complaint"));
                }
            }
            default -> {
            }
        }
        return reports;
    }

    private static List<JsonNode> recipients(JsonNode parent, String field) {
        JsonNode list = parent.path(field);
        if (!list.isArray() || list.size() == 0 || list.size() > MAX_RECIPIENTS) {
            throw new SnsMessage.Malformed(field + " missing or too long");
        }
        List<JsonNode> all = new ArrayList<>();
        list.forEach(all::add);
        return all;
    }
}
