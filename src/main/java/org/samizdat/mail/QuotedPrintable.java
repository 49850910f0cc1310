package org.samizdat.mail;

import java.io.ByteArrayOutputStream;

/**
 * Quoted-printable (RFC 2045 §6.7) for a mass mail's body, encoded once per edition: lines of at most 76
 * characters, CRLF hard breaks, white space before a break encoded. Each reader's values (link tokens) later
 * replace the marks byte for byte, so a mark is never split by a soft break: a line that cannot hold the whole mark
 * ends before it. Marks are letters, digits, {@code -} and {@code _}, which quoted-printable leaves as they are.
 */
final class QuotedPrintable {

    private static final int LINE = 76;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private QuotedPrintable() {
    }

    /** Encodes {@code in}; {@code markAt[i]} is the length of the mark starting at byte i, or 0. */
    static byte[] encode(byte[] in, int[] markAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 8 + 64);
        int column = 0;
        for (int i = 0; i < in.length; i++) {
            int mark = markAt[i];
            if (mark > 0) {
                if (column + mark > LINE - 1) {
                    column = softBreak(out);
                }
                out.write(in, i, mark);
                column += mark;
                i += mark - 1;
                continue;
            }
            int b = in[i] & 0xff;
            if (b == '\r' || b == '\n') {
                if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
                out.write('\r');
                out.write('\n');
                column = 0;
                continue;
            }
            boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !beforeBreak(in, i));
            int width = literal ? 1 : 3;
            if (column + width > LINE - 1) {
                column = softBreak(out);
            }
            if (literal) {
                out.write(b);
            } else {
                out.write('=');
                out.write(HEX[b >> 4]);
                out.write(HEX[b & 0xf]);
            }
            column += width;
        }
        return out.toByteArray();
    }

    private static boolean beforeBreak(byte[] in, int i) {
        return i + 1 == in.length || in[i + 1] == '\r' || in[i + 1] == '\n';
    }

    private static int softBreak(ByteArrayOutputStream out) {
        out.write('=');
        out.write('\r');
        out.write('\n');
        return 0;
    }
}
