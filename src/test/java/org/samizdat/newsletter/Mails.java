package org.samizdat.newsletter;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading what the test SMTP server received: the text and HTML parts, links, raw size. */
final class Mails {

    private Mails() {
    }

    static String text(MimeMessage message) throws Exception {
        return ((MimeMultipart) message.getContent()).getBodyPart(0).getContent().toString();
    }

    static String html(MimeMessage message) throws Exception {
        return ((MimeMultipart) message.getContent()).getBodyPart(1).getContent().toString();
    }

    /** The host-relative path of the first link to {@code prefix} in the text part. */
    static String link(MimeMessage message, String prefix) throws Exception {
        Matcher m = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(prefix) + "[A-Za-z0-9_-]+)").matcher(text(message));
        if (!m.find()) {
            throw new AssertionError("No link to " + prefix);
        }
        return m.group(1);
    }

    static int size(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.size();
    }
}
