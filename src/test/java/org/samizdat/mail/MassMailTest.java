package org.samizdat.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samizdat.support.TestMailServer;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mass mail, encoded once with marks, gives each reader through a real SMTP server the same decoded message as
 * building it for them alone: in each transfer encoding, with marks at the end of long lines, and DKIM-signed.
 */
class MassMailTest {

    static final String UNSUBSCRIBE = "u".repeat(43);
    static final String PREFERENCES = "p".repeat(43);

    static JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(TestMailServer.server().getSmtp().getPort());
        return sender;
    }

    final Mailer mailer = new Mailer(sender(), new MailProperties("news@samizdat.test", "Самиздат"),
            new DkimProperties(null, null, null), Clock.systemUTC());

    @Test
    void eachEncodingDecodesToTheReadersOwnMail() throws Exception {
        String longLine = "word ".repeat(300) + "https://example.org/newsletter/unsubscribe/" + UNSUBSCRIBE + " tail";
        Map<String, String> bodies = Map.of(
                "ascii", "<p>Hello</p>\n<a href=\"https://example.org/u/" + UNSUBSCRIBE + "\">unsubscribe</a>\n"
                        + "<a href=\"https://example.org/p/" + PREFERENCES + "\">preferences</a>",
                "long", longLine + "\n" + "x".repeat(70) + PREFERENCES + " =equals= trailing space \n",
                "cyrillic", "Привет, читатель! Это выпуск недели. ".repeat(40) + UNSUBSCRIBE + " и " + PREFERENCES);
        int n = 0;
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            String to = "mass-" + (++n) + "@example.org";
            String html = "<html><body>" + body.getValue() + "</body></html>";
            String text = body.getValue() + "\n\nEnd.";
            MassMail mass = mailer.massMail("Выпуск недели", html, text, List.of(UNSUBSCRIBE, PREFERENCES));
            String unsubscribe = "A1_-".repeat(10) + "xyz";
            String preferences = "Zz9".repeat(14) + "q";
            try (MailConnection connection = mailer.connect()) {
                connection.send(mass, to, List.of(unsubscribe, preferences),
                        Map.of("List-Unsubscribe", "<https://example.org/u/" + unsubscribe + ">"),
                        mailer.messageId("mass." + n), () -> { }, null);
            }
            MimeMessage received = TestMailServer.await(to, 1).get(0);
            MimeMultipart parts = (MimeMultipart) received.getContent();

            assertThat(received.getSubject()).as(body.getKey()).isEqualTo("Выпуск недели");
            assertThat(received.getMessageID()).isEqualTo("<mass." + n + "@samizdat.test>");
            assertThat(received.getSentDate()).isNotNull();
            assertThat(received.getFrom()[0].toString()).contains("news@samizdat.test");
            assertThat(received.getHeader("List-Unsubscribe")[0]).contains(unsubscribe);
            assertThat(decoded(parts.getBodyPart(0))).as(body.getKey()).isEqualTo(crlf(personal(text, unsubscribe,
                    preferences)));
            assertThat(decoded(parts.getBodyPart(1))).as(body.getKey()).isEqualTo(crlf(personal(html, unsubscribe,
                    preferences)));
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
            assertThat(raw(received)).doesNotContain(UNSUBSCRIBE, PREFERENCES).has(maxLineLength(998));
        }
    }

    @Test
    void chosenEncodingsFollowTheContent() throws Exception {
        assertThat(encoding("plain ascii " + UNSUBSCRIBE)).isEqualTo("7bit");
        assertThat(encoding("mostly ascii with one ё and a long line " + "x".repeat(1200) + UNSUBSCRIBE))
                .isEqualTo("quoted-printable");
        assertThat(encoding("почти всё по-русски ".repeat(5) + UNSUBSCRIBE)).isEqualTo("base64");
    }

    @Test
    void signedMassMailsVerifyAfterDelivery() throws Exception {
        Mailer signing = new DkimTest().mailer();
        String to = "mass-dkim@example.org";
        MassMail mass = signing.massMail("Выпуск", "<p>" + UNSUBSCRIBE + "   spaces  </p>\n\n", "Привет " + PREFERENCES,
                List.of(UNSUBSCRIBE, PREFERENCES));
        try (MailConnection connection = signing.connect()) {
            connection.send(mass, to, List.of("a".repeat(43), "b".repeat(43)),
                    Map.of("List-Unsubscribe", "<https://example.org/u/" + "a".repeat(43) + ">",
                            "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), signing.messageId("mass.dkim"), () -> { }, null);
        }
        String raw = raw(TestMailServer.await(to, 1).get(0));

        assertThat(DkimTest.tags(raw).get("h").toLowerCase()).contains("list-unsubscribe");
        assertThat(DkimTest.verify(raw, DkimTest.KEYS.getPublic())).isTrue();
        assertThat(DkimTest.verify(raw.replace("a".repeat(43), "c".repeat(43)), DkimTest.KEYS.getPublic())).isFalse();
    }

    @Test
    void theRelaysCopyIsTheMessageDotStuffedInEachEncoding() {
        // Lines starting with a dot: in 7bit text, after quoted-printable's soft breaks, and right before a mark.
        String dots = ".starts with a dot\n..two\n. " + UNSUBSCRIBE + "\n" + ". Reporting from a country that banned us".repeat(40);
        java.time.Instant date = java.time.Instant.parse("2026-11-27T10:00:00Z");
        DkimSigner dkim = new DkimSigner("samizdat.test", "s1", DkimTest.KEYS.getPrivate());
        // 7bit, quoted-printable, and base64 (which never needs stuffing).
        for (String content : List.of(dots, dots + " é", "Привет. ".repeat(300) + "\n." + UNSUBSCRIBE)) {
            MassMail mass = mailer.massMail("s", "<p>" + content + "</p>", content, List.of(UNSUBSCRIBE, PREFERENCES));
            for (DkimSigner signer : java.util.Arrays.asList(null, dkim)) {
                MessageBuffer plain = new MessageBuffer(1024);
                MessageBuffer smtp = new MessageBuffer(1024);
                List<String> values = List.of("A1_-".repeat(10) + "xyz", "Zz9".repeat(14) + "q");
                mass.write(plain, new MessageBuffer(1024), "a@example.org", "<m@x>", date, Map.of(), values, signer,
                        false);
                mass.write(smtp, new MessageBuffer(1024), "a@example.org", "<m@x>", date, Map.of(), values, signer,
                        true);
                byte[] expected = SmtpData.stuffed(plain.toByteArray());

                if (!content.startsWith("Привет")) {
                    assertThat(java.util.Arrays.equals(expected, plain.toByteArray())).as("lines to stuff").isFalse();
                }
                assertThat(new String(smtp.toByteArray(), StandardCharsets.UTF_8))
                        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void refusesValuesThatAreNotLikeTheirMarks() {
        MassMail mass = mailer.massMail("s", "<p>" + UNSUBSCRIBE + "</p>", "t", List.of(UNSUBSCRIBE));
        assertThatThrownBy(() -> mass.bytes("a@example.org", "<m@x>", java.time.Instant.now(), Map.of(),
                List.of("short"), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mass.bytes("a@example.org", "<m@x>", java.time.Instant.now(), Map.of(),
                List.of("=".repeat(43)), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mailer.massMail("s", "h", "t", List.of("abc", "abcd")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String encoding(String content) throws Exception {
        MassMail mass = mailer.massMail("s", content, content, List.of(UNSUBSCRIBE));
        String raw = new String(mass.bytes("a@example.org", "<m@x>", java.time.Instant.now(), Map.of(),
                List.of(PREFERENCES), null), StandardCharsets.US_ASCII);
        int at = raw.indexOf("Content-Transfer-Encoding: ");
        return raw.substring(at + 27, raw.indexOf("\r\n", at));
    }

    private static String personal(String body, String unsubscribe, String preferences) {
        return body.replace(UNSUBSCRIBE, unsubscribe).replace(PREFERENCES, preferences);
    }

    private static String crlf(String value) {
        return value.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private static String decoded(BodyPart part) throws Exception {
        return part.getContent().toString();
    }

    static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static org.assertj.core.api.Condition<String> maxLineLength(int max) {
        return new org.assertj.core.api.Condition<>(raw -> raw.lines().allMatch(l -> l.length() <= max),
                "lines of at most " + max + " characters");
    }
}
