package org.samizdat.site.internal;

import java.nio.charset.StandardCharsets;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * Response headers encoded once, as the bytes Tomcat sends, so a cache hit adds them without per-request
 * string encoding (which otherwise costs more than the rest of the hit).
 */
record WireHeaders(byte[][] names, byte[][] values) {

    static WireHeaders of(String... namesAndValues) {
        int n = namesAndValues.length / 2;
        byte[][] names = new byte[n][];
        byte[][] values = new byte[n][];
        for (int i = 0; i < n; i++) {
            names[i] = namesAndValues[2 * i].getBytes(StandardCharsets.ISO_8859_1);
            values[i] = namesAndValues[2 * i + 1].getBytes(StandardCharsets.ISO_8859_1);
        }
        return new WireHeaders(names, values);
    }

    static WireHeaders of(String[] names, String[] values, String... more) {
        String[] all = new String[2 * names.length + more.length];
        for (int i = 0; i < names.length; i++) {
            all[2 * i] = names[i];
            all[2 * i + 1] = values[i];
        }
        System.arraycopy(more, 0, all, 2 * names.length, more.length);
        return of(all);
    }

    /** Appends to a fresh response's headers; nothing is looked up or replaced. */
    void addTo(MimeHeaders headers) {
        for (int i = 0; i < names.length; i++) {
            headers.addValue(names[i], 0, names[i].length).setBytes(values[i], 0, values[i].length);
        }
    }

    int size() {
        int size = 0;
        for (int i = 0; i < names.length; i++) {
            size += names[i].length + values[i].length + 32;
        }
        return size;
    }
}
