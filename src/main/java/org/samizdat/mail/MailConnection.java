package org.samizdat.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One SMTP connection kept open for many messages (bulk sending), reopened after a failure. Not thread-safe: each
 * sending thread holds its own. {@link #send} runs a <em>fence</em> after the whole message went out and before
 * the final {@code .} that makes the relay accept it; a sender records there that the message is about to be
 * accepted, so a crash can never leave an accepted message unrecorded (see the newsletter's CONTEXT.md).
 */
public final class MailConnection implements AutoCloseable {

    private static final Pattern REPLY = Pattern.compile("^([2-5][0-9]{2})(?:[ -]([245]\\.[0-9]{1,3}\\.[0-9]{1,3}))?");

    private final Mailer mailer;
    private final Session session;
    private final URLName url;
    private FencedTransport transport;

    MailConnection(Mailer mailer, Session session, URLName url) {
        this.mailer = mailer;
        this.session = session;
        this.url = url;
    }

    /**
     * Sends one message with the given Message-ID (without angle brackets' domain: see {@link Mailer#messageId}).
     * The fence throws to stop the message from ending; it then is not accepted.
     */
    public String send(OutgoingMail mail, String messageId, Runnable fence) {
        return send(mailer.build(mail, messageId), messageId, fence);
    }

    /**
     * Sends one reader's copy of a mass mail: {@code values} replace its marks, {@code headers} are the reader's
     * own. The fence works as for {@link #send(OutgoingMail, String, Runnable)}.
     */
    public String send(MassMail mail, String to, List<String> values, Map<String, String> headers, String messageId,
            Runnable fence) {
        byte[] bytes = mailer.bytes(mail, to, messageId, headers, values);
        try {
            return send(new RawMessage(session, mailer.sender(), to, bytes), messageId, fence);
        } catch (MessagingException e) {
            throw new MailFailed("Mail could not be built", e);
        }
    }

    private String send(MimeMessage message, String messageId, Runnable fence) {
        FencedTransport t = null;
        try {
            t = open();
            t.fence = fence;
            t.fenceState = 0;
            t.sendMessage(message, message.getAllRecipients());
            return messageId;
        } catch (MessagingException | RuntimeException e) {
            int state = t == null ? 0 : t.fenceState;
            close();
            throw classify(e, state);
        }
    }

    private FencedTransport open() throws MessagingException {
        if (transport == null) {
            FencedTransport fresh = new FencedTransport(session, url);
            fresh.connect(url.getHost(), url.getPort(), url.getUsername(), url.getPassword());
            transport = fresh;
        }
        return transport;
    }

    private static MailFailed classify(Exception e, int fenceState) {
        if (fenceState == 1) {
            return new MailFailed("The sender's fence stopped the message", e, MailFailed.Kind.FENCED, "fenced");
        }
        for (Throwable t = e; t != null; t = next(t)) {
            String reply = reply(t);
            if (reply != null) {
                Matcher m = REPLY.matcher(reply.strip());
                if (m.find()) {
                    String reason = m.group(1) + (m.group(2) == null ? "" : " " + m.group(2));
                    MailFailed.Kind kind = m.group(1).startsWith("5") ? MailFailed.Kind.PERMANENT : MailFailed.Kind.TEMPORARY;
                    return new MailFailed("The relay refused the message", e, kind, reason);
                }
            }
        }
        String type = rootType(e);
        if (fenceState == 2) {
            return new MailFailed("No reply after the end of the message", e, MailFailed.Kind.UNCERTAIN, type);
        }
        return new MailFailed("Mail could not be sent", e, MailFailed.Kind.TEMPORARY, type);
    }

    private static String reply(Throwable t) {
        if (t instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException f) {
            return withCode(f.getReturnCode(), f.getMessage());
        }
        if (t instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException f) {
            return withCode(f.getReturnCode(), f.getMessage());
        }
        return null;
    }

    private static String withCode(int code, String message) {
        String text = message == null ? "" : message.strip();
        return text.startsWith(String.valueOf(code)) ? text : code + " " + text;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause();
    }

    private static String rootType(Throwable e) {
        Throwable t = e;
        while (next(t) != null) {
            t = next(t);
        }
        return t.getClass().getSimpleName();
    }

    @Override
    public void close() {
        FencedTransport t = transport;
        transport = null;
        if (t != null) {
            try {
                t.close();
            } catch (MessagingException | RuntimeException ignored) {
                // The connection is gone either way.
            }
        }
    }

    /** A message already written out: the transport sends its bytes as they are. */
    private static final class RawMessage extends MimeMessage {

        private final byte[] bytes;

        RawMessage(Session session, InternetAddress from, String to, byte[] bytes) throws MessagingException {
            super(session);
            this.bytes = bytes;
            setFrom(from);
            setRecipient(RecipientType.TO, new InternetAddress(to, true));
        }

        @Override
        public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
            out.write(bytes);
        }
    }

    /** The SMTP transport with a hook just before the terminating dot: 0 not reached, 1 refused, 2 passed. */
    private static final class FencedTransport extends SMTPTransport {

        private Runnable fence;
        private int fenceState;

        FencedTransport(Session session, URLName url) {
            super(session, url);
        }

        @Override
        protected void finishData() throws IOException, MessagingException {
            Runnable f = fence;
            fence = null;
            if (f != null) {
                try {
                    f.run();
                } catch (RuntimeException e) {
                    fenceState = 1;
                    throw new IOException("Fence refused", e);
                }
            }
            fenceState = 2;
            super.finishData();
        }
    }
}
