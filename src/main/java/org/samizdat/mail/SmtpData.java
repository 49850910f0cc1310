package org.samizdat.mail;

import java.util.Arrays;

/**
 * A message as it goes between {@code DATA} and the final dot (RFC 5321 4.5.2): every line ends in CRLF, and a
 * line starting with a dot gets one more. One quick pass finds what to insert (usually a few dots at the starts
 * of quoted-printable lines, often nothing); the bytes are then copied in runs, or returned as they are.
 */
final class SmtpData {

    private SmtpData() {
    }

    static byte[] stuffed(byte[] m) {
        return stuffed(m, m.length);
    }

    /** As {@link #stuffed(byte[])} for the first {@code n} bytes; returns {@code m} itself when they need nothing. */
    static byte[] stuffed(byte[] m, int n) {
        Inserts inserts = new Inserts();
        if (n > 0 && m[0] == '.') {
            inserts.add(0, '.');
        }
        for (int i = 0; i < n; i++) {
            byte b = m[i];
            if (b <= '\r') {
                if (b == '\n') {
                    if (i == 0 || m[i - 1] != '\r') {
                        inserts.add(i, '\r');
                    }
                } else if (b == '\r' && (i + 1 == n || m[i + 1] != '\n')) {
                    inserts.add(i + 1, '\n');
                } else {
                    continue;
                }
                if (i + 1 < n && m[i + 1] == '.') {
                    inserts.add(i + 1, '.');
                }
            }
        }
        boolean open = n > 0 && m[n - 1] != '\n' && m[n - 1] != '\r';
        if (inserts.count == 0 && !open) {
            return m;
        }
        byte[] out = new byte[n + inserts.count + (open ? 2 : 0)];
        int from = 0;
        int o = 0;
        for (int k = 0; k < inserts.count; k++) {
            int length = inserts.at[k] - from;
            System.arraycopy(m, from, out, o, length);
            o += length;
            from = inserts.at[k];
            out[o++] = inserts.what[k];
        }
        System.arraycopy(m, from, out, o, n - from);
        if (open) {
            out[out.length - 2] = '\r';
            out[out.length - 1] = '\n';
        }
        return out;
    }

    /** Bytes to insert, each before the byte at its index, in order. */
    private static final class Inserts {
        int[] at = new int[16];
        byte[] what = new byte[16];
        int count;

        void add(int index, char b) {
            if (count == at.length) {
                at = Arrays.copyOf(at, count * 2);
                what = Arrays.copyOf(what, count * 2);
            }
            at[count] = index;
            what[count++] = (byte) b;
        }
    }
}
