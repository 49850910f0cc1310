package org.samizdat.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One message for many readers (a newsletter edition), built and encoded once by {@link Mailer#massMail}: the
 * same multipart/alternative message {@link Mailer} sends, where each reader's values (their link tokens) replace
 * the marks byte for byte. Building a MIME message per reader cost most of a sending thread's time; this leaves
 * one copy of the bytes and the reader's headers. Marks and values are of one length, made of letters, digits,
 * {@code -} and {@code _}, which no transfer encoding changes.
 */
public final class MassMail {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final List<String> marks;
    private final int markLength;
    private final List<String[]> fixedHeaders;
    private final String boundary;
    private final EncodedPart text;
    private final EncodedPart html;

    MassMail(List<String[]> fixedHeaders, String boundary, String html, String text, List<String> marks) {
        int length = marks.isEmpty() ? 0 : marks.get(0).length();
        for (String mark : marks) {
            if (mark.length() != length || !TOKEN.matcher(mark).matches()) {
                throw new IllegalArgumentException("Marks must be of one length, letters, digits, - and _");
            }
        }
        List<byte[]> bytes = marks.stream().map(m -> m.getBytes(StandardCharsets.US_ASCII)).toList();
        this.marks = List.copyOf(marks);
        this.markLength = length;
        this.fixedHeaders = List.copyOf(fixedHeaders);
        this.boundary = boundary;
        this.text = EncodedPart.of("plain", text, bytes, length);
        this.html = EncodedPart.of("html", html, bytes, length);
    }

    /** The marks each reader's values replace, in the order {@code values} are given. */
    public List<String> marks() {
        return marks;
    }

    /**
     * The whole message for one reader, with CRLF line ends, as the relay receives it (before SMTP dot-stuffing).
     * {@code headers} are the reader's own (e.g. List-Unsubscribe), already free of line breaks.
     */
    byte[] bytes(String to, String messageId, Instant date, Map<String, String> headers, List<String> values,
            DkimSigner dkim) {
        MessageBuffer message = new MessageBuffer(32 * 1024);
        write(message, new MessageBuffer(32 * 1024), to, messageId, date, headers, values, dkim, false);
        return message.toByteArray();
    }

    /**
     * Writes the whole message for one reader into {@code message} (its first {@code size()} bytes), building the
     * body in {@code body}; both are reset first, so a connection reuses them for every reader. {@code smtp}: the
     * message dot-stuffed, as it goes between SMTP's DATA and the final dot (headers never start with a dot).
     */
    void write(MessageBuffer message, MessageBuffer body, String to, String messageId, Instant date,
            Map<String, String> headers, List<String> values, DkimSigner dkim, boolean smtp) {
        byte[][] replacements = replacements(values);
        List<String[]> all = new ArrayList<>(fixedHeaders.size() + headers.size() + 4);
        all.add(new String[] {"Date", DATE.format(date)});
        all.add(new String[] {"To", to});
        all.add(new String[] {"Message-ID", messageId});
        all.addAll(fixedHeaders);
        headers.forEach((name, value) -> all.add(new String[] {name, Mailer.fold(name, value)}));
        all.add(new String[] {"MIME-Version", "1.0"});
        all.add(new String[] {"Content-Type", "multipart/alternative; \r\n\tboundary=\"" + boundary + "\""});
        writeBody(body, replacements, smtp && dkim == null);
        message.reset();
        if (dkim != null) {
            byte[] signed = Arrays.copyOf(body.array(), body.size());
            ascii(message, "DKIM-Signature: " + dkim.signature(all, signed, date) + "\r\n");
            if (smtp) {
                writeBody(body, replacements, true);
            }
        }
        for (String[] header : all) {
            ascii(message, header[0] + ": " + header[1] + "\r\n");
        }
        ascii(message, "\r\n");
        message.write(body.array(), 0, body.size());
    }

    private void writeBody(MessageBuffer body, byte[][] replacements, boolean smtp) {
        body.reset();
        ascii(body, "--" + boundary + "\r\n");
        text.writeTo(body, replacements, smtp);
        ascii(body, "\r\n--" + boundary + "\r\n");
        html.writeTo(body, replacements, smtp);
        ascii(body, "\r\n--" + boundary + "--\r\n");
    }

    private byte[][] replacements(List<String> values) {
        if (values.size() != marks.size()) {
            throw new IllegalArgumentException("One value per mark");
        }
        byte[][] replacements = new byte[values.size()][];
        for (int i = 0; i < replacements.length; i++) {
            String value = values.get(i);
            if (value.length() != markLength || !TOKEN.matcher(value).matches()) {
                throw new IllegalArgumentException("A value must be like its mark: same length, letters, digits, - and _");
            }
            replacements[i] = value.getBytes(StandardCharsets.US_ASCII);
        }
        return replacements;
    }

    private static void ascii(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }
}
