package org.samizdat.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A small script a module writes inline into cached public pages, where a nonce is impossible because every reader
 * gets the same bytes: declared as a bean, it is allowed by the Content-Security-Policy through its SHA-256 hash,
 * computed at start-up from exactly the text the pages carry.
 */
public record InlineScript(String source) {

    /** The script text of a class-path resource, exactly as stored. */
    public static InlineScript resource(String path) {
        try (InputStream in = InlineScript.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No inline script at " + path);
            }
            return new InlineScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSP source expression allowing this script: {@code 'sha256-<base64>'}. */
    public String hashSource() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(hash) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
