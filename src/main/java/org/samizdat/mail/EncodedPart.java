package org.samizdat.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One text part of a {@link MassMail}, encoded once for all readers, with the places of the marks that each
 * reader's values replace. The transfer encoding is chosen as Jakarta Mail chooses it: 7bit when all ASCII with
 * lines under 998 bytes, quoted-printable when mostly ASCII, base64 (encoded per reader) when mostly not. The body
 * is also kept dot-stuffed for SMTP (a line starting with a dot gets one more), so a relay's copy needs no pass of
 * its own: marks and values never contain a dot or a line break.
 */
final class EncodedPart {

    private static final int LONGEST_7BIT_LINE = 998;

    private final byte[] head;
    private final byte[] body;
    private final int[] offsets;
    private final byte[] stuffedBody;
    private final int[] stuffedOffsets;
    private final int[] marks;
    private final int markLength;
    private final boolean base64;

    private EncodedPart(byte[] head, byte[] body, int[] offsets, int[] marks, int markLength, boolean base64) {
        this.head = head;
        this.body = body;
        this.offsets = offsets;
        this.marks = marks;
        int[] shift = new int[offsets.length];
        this.stuffedBody = stuffed(body, offsets, shift);
        this.stuffedOffsets = shift;
        this.markLength = markLength;
        this.base64 = base64;
    }

    /** {@code marks} are of one length, made of letters, digits, {@code -} and {@code _} (see {@link MassMail}). */
    static EncodedPart of(String subtype, String content, List<byte[]> marks, int markLength) {
        byte[] raw = crlf(content.getBytes(StandardCharsets.UTF_8));
        int ascii = 0;
        int longest = 0;
        int line = 0;
        boolean control = false;
        for (byte b : raw) {
            if (b >= 0) {
                ascii++;
            }
            control |= b == 0;
            line = b == '\n' ? 0 : line + 1;
            longest = Math.max(longest, line);
        }
        String encoding;
        byte[] body;
        if (ascii == raw.length && longest <= LONGEST_7BIT_LINE && !control) {
            encoding = "7bit";
            body = raw;
        } else if (raw.length - ascii > ascii) {
            encoding = "base64";
            body = raw;
        } else {
            encoding = "quoted-printable";
            int[] markAt = new int[raw.length];
            for (int at : find(raw, marks, markLength)[0]) {
                markAt[at] = markLength;
            }
            body = QuotedPrintable.encode(raw, markAt);
        }
        int[][] found = find(body, marks, markLength);
        byte[] head = ("Content-Type: text/" + subtype + "; charset=UTF-8\r\nContent-Transfer-Encoding: " + encoding
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return new EncodedPart(head, body, found[0], found[1], markLength, encoding.equals("base64"));
    }

    /**
     * Writes the part's headers and this reader's body; {@code values[i]} replaces mark i. {@code smtp}: dot-stuffed,
     * as it goes between SMTP's DATA and the final dot.
     */
    void writeTo(ByteArrayOutputStream out, byte[][] values, boolean smtp) {
        out.write(head, 0, head.length);
        if (!base64) {
            fill(out, values, smtp ? stuffedBody : body, smtp ? stuffedOffsets : offsets);
            return;
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream(body.length);
        fill(raw, values, body, offsets);
        byte[] encoded = Base64.getMimeEncoder().encode(raw.toByteArray());
        out.write(encoded, 0, encoded.length);
    }

    private void fill(ByteArrayOutputStream out, byte[][] values, byte[] bytes, int[] at) {
        int from = 0;
        for (int i = 0; i < at.length; i++) {
            out.write(bytes, from, at[i] - from);
            out.write(values[marks[i]], 0, markLength);
            from = at[i] + markLength;
        }
        out.write(bytes, from, bytes.length - from);
    }

    /** {@code body} with a dot added before each dot that starts a line; {@code shifted} gets the marks' new places. */
    private static byte[] stuffed(byte[] body, int[] offsets, int[] shifted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
        int mark = 0;
        for (int i = 0; i < body.length; i++) {
            if (mark < offsets.length && offsets[mark] == i) {
                shifted[mark++] = out.size();
            }
            if (body[i] == '.' && (i == 0 || (i > 1 && body[i - 1] == '\n' && body[i - 2] == '\r'))) {
                out.write('.');
            }
            out.write(body[i]);
        }
        return out.toByteArray();
    }

    /** Every line break as CRLF, as text parts are sent. */
    private static byte[] crlf(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 64);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '\r' || b == '\n') {
                if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
                out.write('\r');
                out.write('\n');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** Offsets of every mark in {@code data}, in order, and which mark is at each. */
    private static int[][] find(byte[] data, List<byte[]> marks, int length) {
        List<int[]> hits = new ArrayList<>();
        for (int m = 0; m < marks.size(); m++) {
            byte[] mark = marks.get(m);
            for (int i = indexOf(data, mark, 0); i >= 0; i = indexOf(data, mark, i + length)) {
                hits.add(new int[] {i, m});
            }
        }
        hits.sort((a, b) -> Integer.compare(a[0], b[0]));
        return new int[][] {hits.stream().mapToInt(h -> h[0]).toArray(), hits.stream().mapToInt(h -> h[1]).toArray()};
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
