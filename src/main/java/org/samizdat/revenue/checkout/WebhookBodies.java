package org.samizdat.revenue.checkout;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What every provider's webhook endpoint does the same way: read the raw body bytes (signatures are computed over
 * them, so nothing may parse or re-encode them first) up to a limit, and answer in one short plain-text line.
 */
public final class WebhookBodies {

    private WebhookBodies() {
    }

    /** The raw body, or null when it is longer than {@code max} bytes. */
    public static byte[] read(HttpServletRequest request, int max) throws IOException {
        if (request.getContentLengthLong() > max) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(max + 1);
            return body.length > max ? null : body;
        }
    }

    public static ResponseEntity<String> answer(HttpStatus status, String text) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(text + "\n");
    }
}
