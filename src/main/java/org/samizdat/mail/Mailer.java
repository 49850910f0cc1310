package org.samizdat.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;

/**
 * Sends {@link OutgoingMail} over the configured SMTP relay as multipart/alternative (text first, then HTML),
 * UTF-8 throughout, with an RFC 2047 encoded subject, a Date and a Message-ID in the sender's domain, DKIM-signed
 * when a key is configured.
 * Logs never carry an address: only the Message-ID.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern MESSAGE_ID_LOCAL = Pattern.compile("[A-Za-z0-9.-]{1,64}");

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS_STREAMS = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // Jakarta Mail looks its stream provider up for every body part; unnamed, that is a ServiceLoader scan of
        // every jar on the class path, the largest cost of building a newsletter mail. Named, it is one class lookup.
        if (System.getProperty(STREAM_PROVIDER) == null && present(ANGUS_STREAMS)) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAMS);
        }
    }

    private final JavaMailSender sender;
    private final MailProperties properties;
    private final Clock clock;
    private final DkimSigner dkim;

    Mailer(JavaMailSender sender, MailProperties properties, DkimProperties dkim, Clock clock) {
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
        this.dkim = dkim.enabled() ? DkimSigner.from(dkim) : null;
    }

    /** Builds and sends one message; returns its Message-ID. */
    public String send(OutgoingMail mail) {
        MimeMessage message = build(mail);
        try {
            sender.send(message);
            String id = message.getMessageID();
            log.info("Mail sent: {}", id);
            return id;
        } catch (MailException | MessagingException e) {
            throw new MailFailed("Mail could not be sent", e);
        }
    }

    /**
     * A persistent connection to the relay for sending many messages in a row (one per sending thread). Uses the
     * relay settings of Spring's mail sender.
     */
    public MailConnection connect() {
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            throw new IllegalStateException("Persistent connections need Spring's JavaMailSenderImpl");
        }
        return new MailConnection(this, RelaySettings.of(impl.getHost(), impl.getPort(), impl.getUsername(),
                impl.getPassword(), impl.getJavaMailProperties()));
    }

    /** A Message-ID in the sender's domain from a caller's unique local part (letters, digits, dots, dashes). */
    public String messageId(String localPart) {
        if (!MESSAGE_ID_LOCAL.matcher(localPart).matches()) {
            throw new IllegalArgumentException("Invalid Message-ID local part");
        }
        return "<" + localPart + "@" + properties.domain() + ">";
    }

    /**
     * A message for many readers built once (a newsletter edition): each reader's values replace {@code marks} in
     * the HTML and text, byte for byte. Send it over a {@link MailConnection}.
     */
    public MassMail massMail(String subject, String html, String text, List<String> marks) {
        new OutgoingMail("check@localhost", subject, html, text);
        try {
            List<String[]> fixed = List.of(new String[] {"From", fold("From", sender().toString())},
                    new String[] {"Subject", fold("Subject", MimeUtility.encodeText(subject, "UTF-8", null))});
            return new MassMail(fixed, "----=_Part_" + HexFormat.of().formatHex(randomBytes()), html, text, marks);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new MailFailed("Mail could not be built", e);
        }
    }

    /**
     * One reader's copy of a mass mail, dot-stuffed as it goes between SMTP's DATA and the final dot, written into
     * {@code message} (see {@link MassMail#write}); an invalid address is refused.
     */
    void write(MassMail mail, String to, String messageId, Map<String, String> headers, List<String> values,
            MessageBuffer message, MessageBuffer body) {
        OutgoingMail.check(to, headers);
        try {
            String address = new InternetAddress(to, true).toString();
            mail.write(message, body, fold("To", address), messageId, clock.instant(), headers, values, dkim, true);
        } catch (MessagingException e) {
            throw new MailFailed("Mail could not be built", e);
        }
    }

    InternetAddress sender() {
        try {
            return new InternetAddress(properties.from(), properties.fromName(), "UTF-8");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value folded to 76-character lines after {@code name: }; short values need no folding. */
    static String fold(String name, String value) {
        if (name.length() + 2 + value.length() <= 76 && plain(value)) {
            return value;
        }
        return MimeUtility.fold(name.length() + 2, value);
    }

    /** No line break, and no white space at the end (which folding strips). */
    private static boolean plain(String value) {
        if (value.isEmpty()) {
            return true;
        }
        char last = value.charAt(value.length() - 1);
        return last != ' ' && last != '\t' && value.indexOf('\r') < 0 && value.indexOf('\n') < 0;
    }

    /** The message exactly as it would be sent, for previews and size checks. */
    public MimeMessage build(OutgoingMail mail) {
        return build(mail, "<" + HexFormat.of().formatHex(randomBytes()) + "@" + properties.domain() + ">");
    }

    MimeMessage build(OutgoingMail mail, String messageId) {
        MimeMessage message = new FixedIdMessage(sender.createMimeMessage(), messageId);
        try {
            InternetAddress to = new InternetAddress(mail.to(), true);
            message.setFrom(new InternetAddress(properties.from(), properties.fromName(), "UTF-8"));
            message.setRecipient(MimeMessage.RecipientType.TO, to);
            message.setSubject(mail.subject(), "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            for (Map.Entry<String, String> header : mail.headers().entrySet()) {
                message.setHeader(header.getKey(), fold(header.getKey(), header.getValue()));
            }
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            message.saveChanges();
            if (dkim != null) {
                dkim.sign(message, clock.instant());
            }
            return message;
        } catch (MessagingException | java.io.IOException e) {
            throw new MailFailed("Mail could not be built", e);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Mailer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Keeps the Message-ID we chose instead of the one Jakarta Mail derives from the local host name. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(MimeMessage base, String messageId) {
            super(base.getSession() == null ? Session.getInstance(new java.util.Properties()) : base.getSession());
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
