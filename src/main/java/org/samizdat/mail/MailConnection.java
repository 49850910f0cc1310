package org.samizdat.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMTP connection kept open for many messages (bulk sending), reopened after a failure. Not thread-safe: each
 * sending thread holds its own. {@link #send} runs a <em>fence</em> after the whole message went out and before
 * the final {@code .} that makes the relay accept it; a sender records there that the message is about to be
 * accepted, so a crash can never leave an accepted message unrecorded (see the newsletter's CONTEXT.md).
 */
public final class MailConnection implements AutoCloseable {

    private static final Pattern REPLY = Pattern.compile("^([2-5][0-9]{2})(?:[ -]([245]\\.[0-9]{1,3}\\.[0-9]{1,3}))?");

    private final Mailer mailer;
    private final RelaySettings relay;
    private final MessageBuffer message = new MessageBuffer(64 * 1024);
    private final MessageBuffer body = new MessageBuffer(64 * 1024);
    private final String from;
    private SmtpSession session;

    MailConnection(Mailer mailer, RelaySettings relay) {
        this.mailer = mailer;
        this.relay = relay;
        this.from = mailer.sender().getAddress();
    }

    /**
     * Sends one message with the given Message-ID (without angle brackets' domain: see {@link Mailer#messageId}).
     * The fence throws to stop the message from ending; it then is not accepted.
     */
    public String send(OutgoingMail mail, String messageId, Runnable fence) {
        MimeMessage message = mailer.build(mail, messageId);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        try {
            message.writeTo(bytes);
            byte[] data = SmtpData.stuffed(bytes.toByteArray());
            return send(new InternetAddress(mail.to(), true).getAddress(), data, data.length, messageId, fence, null);
        } catch (MessagingException | IOException e) {
            throw new MailFailed("Mail could not be built", e);
        }
    }

    /**
     * Sends one reader's copy of a mass mail: {@code values} replace its marks, {@code headers} are the reader's
     * own. The fence works as for {@link #send(OutgoingMail, String, Runnable)}. {@code next}, when known, is the
     * address the following call will most likely send to: its envelope then goes out with this message's final
     * dot, saving a round trip (a following call for another address costs a new connection). Returns the size of
     * the copy in bytes.
     */
    public int send(MassMail mail, String to, List<String> values, Map<String, String> headers, String messageId,
            Runnable fence, String next) {
        mailer.write(mail, to, messageId, headers, values, message, body);
        send(to, message.array(), message.size(), messageId, fence, next);
        return message.size();
    }

    /** Sends {@code length} bytes of {@code data}, already dot-stuffed. */
    private String send(String to, byte[] data, int length, String messageId, Runnable fence, String next) {
        SmtpSession s = null;
        try {
            if (session != null && session.announced() != null && !session.announced().equals(to)) {
                abandon();
            }
            s = open();
            s.sendStuffed(from, to, data, length, fence, next);
            return messageId;
        } catch (IOException e) {
            int stage = s == null ? 0 : s.stage();
            abandon();
            throw classify(e, stage);
        } catch (RuntimeException e) {
            abandon();
            throw e;
        }
    }

    private SmtpSession open() throws IOException {
        if (session == null) {
            session = SmtpSession.open(relay);
        }
        return session;
    }

    private static MailFailed classify(IOException e, int stage) {
        if (stage == 1) {
            return new MailFailed("The sender's fence stopped the message", e, MailFailed.Kind.FENCED, "fenced");
        }
        if (e instanceof RelayReply reply) {
            Matcher m = REPLY.matcher(reply.getMessage().strip());
            String reason = m.find() ? m.group(1) + (m.group(2) == null ? "" : " " + m.group(2)) : String.valueOf(reply.code());
            MailFailed.Kind kind = reply.permanent() ? MailFailed.Kind.PERMANENT : MailFailed.Kind.TEMPORARY;
            return new MailFailed("The relay refused the message", e, kind, reason);
        }
        String type = rootType(e);
        if (stage == 2) {
            return new MailFailed("No reply after the end of the message", e, MailFailed.Kind.UNCERTAIN, type);
        }
        return new MailFailed("Mail could not be sent", e, MailFailed.Kind.TEMPORARY, type);
    }

    private static String rootType(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }

    /**
     * Closes the connection if the relay waits for the data of a message announced with the last one, which will not
     * come soon (a batch stopped early); a later message then starts on a fresh connection.
     */
    public void withdrawNext() {
        if (session != null && session.announced() != null) {
            abandon();
        }
    }

    /** Drops the connection without a word: after a failure it may be in the middle of a message. */
    private void abandon() {
        SmtpSession s = session;
        session = null;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void close() {
        SmtpSession s = session;
        session = null;
        if (s != null) {
            s.quit();
        }
    }
}
