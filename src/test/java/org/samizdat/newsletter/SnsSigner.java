package org.samizdat.newsletter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.samizdat.newsletter.internal.SnsMessage;
import org.samizdat.shared.web.Json;

/**
 * Signs SNS messages the way Amazon SNS does, with a self-made RSA certificate (made by the JDK's {@code keytool})
 * that a test serves from WireMock in place of {@code sns.<region>.amazonaws.com}.
 */
final class SnsSigner {

    final PrivateKey key;
    final X509Certificate certificate;

    SnsSigner() throws IOException, InterruptedException, GeneralSecurityException {
        Path dir = Files.createTempDirectory("sns-cert");
        Path store = dir.resolve("sns.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "sns", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=sns.test",
                "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-keypass", "changeit").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed");
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        key = (PrivateKey) keys.getKey("sns", "changeit".toCharArray());
        certificate = (X509Certificate) keys.getCertificate("sns");
        Files.delete(store);
        Files.delete(dir);
    }

    String pem() throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    /** A signed Notification carrying {@code message} (an SES notification as JSON text). */
    String notification(String message, String certUrl, String version) throws GeneralSecurityException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Type", "Notification");
        fields.put("MessageId", UUID.randomUUID().toString());
        fields.put("TopicArn", "arn:aws:sns:eu-central-1:123456789012:ses-bounces");
        fields.put("Message", message);
        fields.put("Timestamp", "2026-11-27T10:00:00.000Z");
        fields.put("SignatureVersion", version);
        fields.put("SigningCertURL", certUrl);
        fields.put("UnsubscribeURL", "https://sns.eu-central-1.amazonaws.com/?Action=Unsubscribe");
        return sign(fields);
    }

    /** A signed SubscriptionConfirmation asking to be confirmed at {@code subscribeUrl}. */
    String confirmation(String subscribeUrl, String certUrl) throws GeneralSecurityException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Type", "SubscriptionConfirmation");
        fields.put("MessageId", UUID.randomUUID().toString());
        fields.put("Token", "2336412f37fb687f5d51e6e2425f004aed");
        fields.put("TopicArn", "arn:aws:sns:eu-central-1:123456789012:ses-bounces");
        fields.put("Message", "You have chosen to subscribe to the topic. To confirm, visit the SubscribeURL.");
        fields.put("SubscribeURL", subscribeUrl);
        fields.put("Timestamp", "2026-11-27T10:00:00.000Z");
        fields.put("SignatureVersion", "1");
        fields.put("SigningCertURL", certUrl);
        return sign(fields);
    }

    String sign(Map<String, Object> fields) throws GeneralSecurityException {
        SnsMessage message = new SnsMessage((String) fields.get("Type"), (String) fields.get("MessageId"),
                (String) fields.get("TopicArn"), (String) fields.get("Subject"), (String) fields.get("Message"),
                (String) fields.get("Timestamp"), (String) fields.get("Token"), (String) fields.get("SubscribeURL"),
                (String) fields.get("SignatureVersion"), null, (String) fields.get("SigningCertURL"));
        Signature signer = Signature.getInstance("2".equals(fields.get("SignatureVersion")) ? "SHA256withRSA" : "SHA1withRSA");
        signer.initSign(key);
        signer.update(message.canonical());
        fields.put("Signature", Base64.getEncoder().encodeToString(signer.sign()));
        return Json.write(fields);
    }

    /** An SES bounce notification as SES sends it (shape of the SES notification contents). */
    static String bounce(String bounceType, String status, String... addresses) {
        StringBuilder recipients = new StringBuilder();
        for (String address : addresses) {
            recipients.append(recipients.isEmpty() ? "" : ",").append("""
                    {"emailAddress":"%s","action":"failed","status":"%s","diagnosticCode":"smtp; 550 %s user unknown"}"""
                    .formatted(address, status, status));
        }
        return """
                {"notificationType":"Bounce","bounce":{"feedbackId":"0100017e-bounce","bounceType":"%s",
                "bounceSubType":"General","bouncedRecipients":[%s],"timestamp":"2026-11-27T09:59:58.000Z",
                "remoteMtaIp":"192.0.2.1","reportingMTA":"dsn; a1-2.smtp-out.eu-central-1.amazonses.com"},
                "mail":{"timestamp":"2026-11-27T09:59:57.000Z","source":"newsletter@example.org",
                "sourceArn":"arn:aws:ses:eu-central-1:123456789012:identity/example.org","sourceIp":"192.0.2.10",
                "sendingAccountId":"123456789012","messageId":"0100017e-mail","destination":["%s"]}}
                """.formatted(bounceType, recipients, addresses[0]);
    }

    /** An SES complaint notification. */
    static String complaint(String address) {
        return """
                {"notificationType":"Complaint","complaint":{"userAgent":"ExampleCorp Feedback Loop (V0.01)",
                "complainedRecipients":[{"emailAddress":"%s"}],"complaintFeedbackType":"abuse",
                "arrivalDate":"2026-11-27T09:59:00.000Z","timestamp":"2026-11-27T09:59:59.000Z",
                "feedbackId":"0100017e-complaint"},"mail":{"timestamp":"2026-11-27T09:58:00.000Z",
                "messageId":"0100017e-mail2","source":"newsletter@example.org","destination":["%s"]}}
                """.formatted(address, address);
    }
}
