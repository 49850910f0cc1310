package org.samizdat.site.internal;

import org.samizdat.shared.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered page as it goes on the wire: the bytes, their gzip form when that is smaller, a strong
 * ETag per encoding, and the response headers to replay (names and values side by side).
 */
record CachedPage(byte[] identity, byte[] gzip, String etag, String gzipEtag, String[] headerNames,
        String[] headerValues, WireHeaders plainHit, WireHeaders gzipHit) {

    /** Shared caches in front must keep pages apart by encoding and by the proxy's path prefix, as this cache does. */
    static final String VARY = "Accept-Encoding, " + ForwardedPrefix.HEADER;

    static CachedPage of(byte[] body, String[] headerNames, String[] headerValues) {
        String hash = hash(body);
        byte[] gzip = gzip(body);
        if (gzip.length >= body.length) {
            gzip = null;
        }
        String etag = "\"" + hash + "\"";
        String gzipEtag = "\"" + hash + "-gz\"";
        return new CachedPage(body, gzip, etag, gzipEtag, headerNames, headerValues,
                WireHeaders.of(headerNames, headerValues, "Vary", VARY, "ETag", etag, "X-Cache", "hit"),
                WireHeaders.of(headerNames, headerValues, "Vary", VARY, "ETag", gzipEtag, "X-Cache", "hit"));
    }

    /** Approximate heap bytes, for the cache's size bound. */
    int weight(String key) {
        int headers = 0;
        for (int i = 0; i < headerNames.length; i++) {
            headers += 2 * (headerNames[i].length() + headerValues[i].length()) + 64;
        }
        return identity.length + (gzip == null ? 0 : gzip.length) + 2 * key.length() + headers + plainHit.size()
                + gzipHit.size() + 256;
    }

    private static String hash(byte[] body) {
        return Sha256.prefix(body, 16);
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
