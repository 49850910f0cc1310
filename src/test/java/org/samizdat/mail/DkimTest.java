package org.samizdat.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samizdat.support.TestMailServer;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * DKIM signatures checked the way a receiving server checks them (an independent verifier below), on the bytes a
 * real SMTP server received, also after a relay refolds headers, and refused after tampering.
 */
class DkimTest {

    static final KeyPair KEYS = keys();

    static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Mailer mailer() throws Exception {
        Path pem = Files.createTempFile("dkim", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(TestMailServer.server().getSmtp().getPort());
        return new Mailer(sender, new MailProperties("news@dkim.test", "Самиздат"),
                new DkimProperties("dkim.test", "mail2026", pem.toString()), Clock.systemUTC());
    }

    String received(String to) throws Exception {
        MimeMessage message = TestMailServer.await(to, 1).get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void signaturesVerifyAfterDeliveryAndRefoldingAndFailAfterTampering() throws Exception {
        String to = "dkim-1@example.org";
        String longUrl = "https://example.org/newsletter/unsubscribe/" + "A".repeat(43);
        Mailer mailer = mailer();
        mailer.send(new OutgoingMail(to, "Выпуск недели: учения на границе и интервью с главным редактором издания",
                "<p>Привет</p>\n<p>Second   line  </p>\n\n\n", "Привет\ttab  \n\n",
                Map.of("List-Unsubscribe", "<" + longUrl + ">, <mailto:unsubscribe@dkim.test?subject=unsubscribe>",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
        String raw = received(to);
        Map<String, String> tags = tags(raw);
        assertThat(tags).containsEntry("a", "rsa-sha256").containsEntry("c", "relaxed/relaxed")
                .containsEntry("d", "dkim.test").containsEntry("s", "mail2026");
        assertThat(tags.get("h").toLowerCase(Locale.ROOT).split(":")).contains("from", "to", "subject", "date",
                "message-id", "list-unsubscribe", "list-unsubscribe-post");
        assertThat(verify(raw, KEYS.getPublic())).isTrue();

        String refolded = raw.replace(", <mailto:", ",\r\n\t  <mailto:").replace("List-Unsubscribe-Post: ",
                "List-Unsubscribe-Post:    ");
        assertThat(refolded).isNotEqualTo(raw);
        assertThat(verify(refolded, KEYS.getPublic())).as("refolded by a relay").isTrue();

        assertThat(verify(raw.replace(longUrl, longUrl.replace("AAAA", "BBBB")), KEYS.getPublic()))
                .as("a swapped unsubscribe link").isFalse();
        assertThat(verify(raw.replace("Second", "Secund"), KEYS.getPublic())).as("a changed body").isFalse();
        assertThat(verify(raw, keys().getPublic())).as("another key").isFalse();
    }

    // An independent verifier, as in RFC 6376 section 6, for relaxed/relaxed and rsa-sha256.

    static Map<String, String> tags(String raw) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String tag : unfold(header(headers(raw), "DKIM-Signature").get(0)).split(";")) {
            int eq = tag.indexOf('=');
            if (eq > 0) {
                tags.put(tag.substring(0, eq).strip(), tag.substring(eq + 1).replaceAll("\\s", ""));
            }
        }
        return tags;
    }

    static boolean verify(String raw, PublicKey key) throws Exception {
        int split = raw.indexOf("\r\n\r\n");
        String body = raw.substring(split + 4);
        List<String> headers = headers(raw);
        Map<String, String> tags = tags(raw);
        List<String> lines = new ArrayList<>(List.of(body.split("\r\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        StringBuilder canonicalBody = new StringBuilder();
        for (String line : lines) {
            canonicalBody.append(line.replaceAll("[ \\t]+", " ").replaceAll(" $", "")).append("\r\n");
        }
        String bodyHash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(canonicalBody.toString().getBytes(StandardCharsets.ISO_8859_1)));
        if (!bodyHash.equals(tags.get("bh"))) {
            return false;
        }
        StringBuilder data = new StringBuilder();
        for (String name : tags.get("h").split(":")) {
            List<String> found = header(headers, name.strip());
            if (!found.isEmpty()) {
                data.append(relaxed(name, found.get(found.size() - 1))).append("\r\n");
            }
        }
        String signatureHeader = header(headers, "DKIM-Signature").get(0);
        data.append(relaxed("DKIM-Signature", signatureHeader.replaceAll("b=[A-Za-z0-9+/=\\s]+$", "b=")));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(data.toString().getBytes(StandardCharsets.ISO_8859_1));
        return rsa.verify(Base64.getDecoder().decode(tags.get("b")));
    }

    static String relaxed(String name, String value) {
        return name.strip().toLowerCase(Locale.ROOT) + ":" + unfold(value).replaceAll("[ \\t]+", " ").strip();
    }

    static String unfold(String value) {
        return value.replace("\r\n", "");
    }

    /** Raw header fields, each "Name: value" with its folds kept. */
    static List<String> headers(String raw) {
        List<String> fields = new ArrayList<>();
        for (String line : raw.substring(0, raw.indexOf("\r\n\r\n")).split("\r\n")) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
            } else {
                fields.add(line);
            }
        }
        return fields;
    }

    /** The values of a header, in order, with folds kept. */
    static List<String> header(List<String> fields, String name) {
        List<String> values = new ArrayList<>();
        for (String field : fields) {
            int colon = field.indexOf(':');
            if (colon > 0 && field.substring(0, colon).strip().equalsIgnoreCase(name)) {
                values.add(field.substring(colon + 1));
            }
        }
        return values;
    }
}
