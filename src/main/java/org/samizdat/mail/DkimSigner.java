package org.samizdat.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * DKIM (RFC 6376) with RSA-SHA256 and relaxed/relaxed canonicalization, so a relay that refolds headers or
 * trims trailing spaces does not break the signature. Signs From, To, Subject, Date, Message-ID and, when present,
 * List-Unsubscribe and List-Unsubscribe-Post, so nobody can swap the unsubscribe link of a signed mail.
 */
final class DkimSigner {

    static final List<String> SIGNED = List.of("From", "To", "Subject", "Date", "Message-ID", "List-Unsubscribe",
            "List-Unsubscribe-Post");

    private final String domain;
    private final String selector;
    private final PrivateKey key;

    DkimSigner(String domain, String selector, PrivateKey key) {
        if (!domain.matches("[A-Za-z0-9.-]{1,253}") || !selector.matches("[A-Za-z0-9._-]{1,63}")) {
            throw new IllegalStateException("DKIM needs a domain and a selector (letters, digits, dots, dashes)");
        }
        this.domain = domain;
        this.selector = selector;
        this.key = key;
    }

    /** Reads an unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) RSA key. */
    static DkimSigner from(DkimProperties properties) {
        try {
            String pem = Files.readString(Path.of(properties.keyFile()), StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new DkimSigner(properties.domain(), properties.selector(), key);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the DKIM key (PKCS#8 PEM, RSA) from samizdat.mail.dkim.key-file", e);
        }
    }

    /** Adds a DKIM-Signature header over the message as it will be written. */
    void sign(MimeMessage message, Instant now) throws MessagingException, IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        byte[] bytes = raw.toByteArray();
        int split = EncodedPart.indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        byte[] body = split < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, split + 4, bytes.length);
        List<String[]> headers = new ArrayList<>();
        for (String name : SIGNED) {
            String[] values = message.getHeader(name);
            if (values != null && values.length > 0) {
                headers.add(new String[] {name, values[values.length - 1]});
            }
        }
        message.setHeader("DKIM-Signature", signature(headers, body, now));
    }

    /**
     * The folded value of a DKIM-Signature header over {@code headers} (name and value as written; the last of a
     * name counts) and the body's bytes after the blank line.
     */
    String signature(List<String[]> headers, byte[] bodyBytes, Instant now) {
        String body = new String(bodyBytes, StandardCharsets.ISO_8859_1);
        List<String> names = new ArrayList<>();
        StringBuilder signed = new StringBuilder();
        for (String name : SIGNED) {
            String value = null;
            for (String[] header : headers) {
                if (header[0].equalsIgnoreCase(name)) {
                    value = header[1];
                }
            }
            if (value != null) {
                names.add(name);
                signed.append(header(name, value)).append("\r\n");
            }
        }
        String value = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector + "; t="
                + now.getEpochSecond() + "; h=" + String.join(":", names) + "; bh=" + base64(sha256(body(body)))
                + "; b=";
        signed.append(header("DKIM-Signature", value));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signed.toString().getBytes(StandardCharsets.ISO_8859_1));
            return fold(value + base64(rsa.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DKIM signing failed", e);
        }
    }

    /** Relaxed header canonicalization: lower-case name, unfolded value with runs of white space as one space. */
    static String header(String name, String value) {
        String unfolded = value.replace("\r\n", "").replace("\n", "").replaceAll("[ \\t]+", " ").strip();
        return name.toLowerCase(Locale.ROOT).strip() + ":" + unfolded;
    }

    /** Relaxed body canonicalization: white space runs as one space, none at line ends, no trailing empty lines. */
    static String body(String body) {
        String[] lines = body.split("\r\n", -1);
        StringBuilder out = new StringBuilder();
        int last = lines.length - 1;
        while (last >= 0 && lines[last].replaceAll("[ \\t]+", "").isEmpty()) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            out.append(lines[i].replaceAll("[ \\t]+", " ").replaceAll(" $", "")).append("\r\n");
        }
        return out.toString();
    }

    private static String fold(String value) {
        StringBuilder out = new StringBuilder();
        int column = "DKIM-Signature: ".length();
        for (String part : value.split("(?<=;) ")) {
            if (column + part.length() > 76 && out.length() > 0) {
                out.append("\r\n\t");
                column = 1;
            } else if (out.length() > 0) {
                out.append(' ');
                column++;
            }
            out.append(part);
            column += part.length();
        }
        return out.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
