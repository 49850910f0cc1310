package org.samizdat.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samizdat.support.TestMailServer;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The mailer against a real SMTP server: structure, encoding and headers as a mail client receives them. */
class MailerTest {

    private final Mailer mailer = new Mailer(sender(), new MailProperties("news@samizdat.test", "Самиздат"),
            new DkimProperties(null, null, null),
            Clock.systemUTC());

    private static JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(TestMailServer.server().getSmtp().getPort());
        return sender;
    }

    @Test
    void sendsMultipartAlternativeWithEncodedSubjectDateAndMessageId() throws Exception {
        String to = "mailer-1@example.org";
        String id = mailer.send(new OutgoingMail(to, "Выпуск недели: учения", "<p>Привет</p>", "Привет",
                Map.of("List-Unsubscribe", "<https://example.org/u/abc>",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
        MimeMessage received = TestMailServer.await(to, 1).get(0);

        assertThat(received.getSubject()).isEqualTo("Выпуск недели: учения");
        String rawSubject = received.getHeader("Subject")[0];
        assertThat(rawSubject).startsWith("=?UTF-8?").doesNotContain("Выпуск");
        assertThat(received.getMessageID()).isEqualTo(id).matches("<[0-9a-f]{32}@samizdat\\.test>");
        assertThat(received.getSentDate()).isNotNull();
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(received.getHeader("List-Unsubscribe")[0]).isEqualTo("<https://example.org/u/abc>");
        assertThat(received.getFrom()[0].toString()).contains("news@samizdat.test");
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");
        assertThat(parts.getBodyPart(0).getContent().toString()).isEqualTo("Привет");
    }

    @Test
    void refusesLineBreaksInRecipientSubjectAndHeaders() {
        assertThatThrownBy(() -> new OutgoingMail("a@example.org\r\nBcc: evil@example.org", "s", "h", "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@example.org", "Hi\nBcc: evil@example.org", "h", "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@example.org", "s", "h", "t", Map.of("X-A", "v\r\nBcc: x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@example.org", "s", "h", "t", Map.of("Bad Name:", "v")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headerNamesAreLettersDigitsAndDashesUpTo76() {
        String longest = "X-" + "a".repeat(74);
        assertThat(new OutgoingMail("a@example.org", "s", "h", "t", Map.of(longest, "v")).headers()).containsKey(longest);
        for (String bad : new String[] {"", longest + "b", "X_Tag", "X-Ünicode", "X:Y", "X Y"}) {
            assertThatThrownBy(() -> new OutgoingMail("a@example.org", "s", "h", "t", Map.of(bad, "v")))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void foldsHeaderValuesAsJakartaMailDoes() {
        for (String value : new String[] {"", "short", "trailing space ", "trailing tab\t", "x".repeat(70),
                "x".repeat(71), "<https://example.org/u/" + "a".repeat(60) + ">, <mailto:u@example.org?subject=u>",
                "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w"}) {
            assertThat(Mailer.fold("List-Unsubscribe", value)).as(value)
                    .isEqualTo(jakarta.mail.internet.MimeUtility.fold("List-Unsubscribe".length() + 2, value));
            assertThat(Mailer.fold("To", value)).as(value)
                    .isEqualTo(jakarta.mail.internet.MimeUtility.fold(4, value));
        }
    }

    @Test
    void refusesAnAddressThatIsReallyTwo() {
        assertThatThrownBy(() -> mailer.build(new OutgoingMail("a@example.org, b@example.org", "s", "h", "t")))
                .isInstanceOf(MailFailed.class);
    }
}
