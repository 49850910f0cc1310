package org.samizdat.mail;

/**
 * A message as it goes between {@code DATA} and the final dot (RFC 5321 4.5.2): every line ends in CRLF, and a
 * line starting with a dot gets one more. Returns the bytes unchanged, without copying, when they need neither.
 */
final class SmtpData {

    private SmtpData() {
    }

    static byte[] stuffed(byte[] message) {
        if (clean(message)) {
            return message;
        }
        byte last = message.length == 0 ? (byte) '\n' : message[message.length - 1];
        int extra = last != '\n' && last != '\r' ? 2 : 0;
        boolean start = true;
        for (int i = 0; i < message.length; i++) {
            byte b = message[i];
            if (start && b == '.') {
                extra++;
            }
            if (b == '\n' && (i == 0 || message[i - 1] != '\r')) {
                extra++;
            } else if (b == '\r' && (i + 1 == message.length || message[i + 1] != '\n')) {
                extra++;
            }
            start = b == '\n' || (b == '\r' && (i + 1 == message.length || message[i + 1] != '\n'));
        }
        byte[] out = new byte[message.length + extra];
        int o = 0;
        start = true;
        for (int i = 0; i < message.length; i++) {
            byte b = message[i];
            if (start && b == '.') {
                out[o++] = '.';
            }
            start = false;
            if (b == '\n' || (b == '\r' && (i + 1 == message.length || message[i + 1] != '\n'))) {
                if (b == '\r' || i == 0 || message[i - 1] != '\r') {
                    out[o++] = '\r';
                }
                out[o++] = '\n';
                start = true;
            } else {
                out[o++] = b;
            }
        }
        if (o < out.length) {
            out[o++] = '\r';
            out[o++] = '\n';
        }
        return out;
    }

    /** The common case, in one quick pass: CRLF everywhere, ending in CRLF, no line starting with a dot. */
    private static boolean clean(byte[] m) {
        int n = m.length;
        if (n < 2 || m[n - 2] != '\r' || m[n - 1] != '\n' || m[0] == '.') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            byte b = m[i];
            if (b <= '\r') {
                if (b == '\n') {
                    if (i == 0 || m[i - 1] != '\r' || (i + 1 < n && m[i + 1] == '.')) {
                        return false;
                    }
                } else if (b == '\r' && m[i + 1] != '\n') {
                    return false;
                }
            }
        }
        return true;
    }
}
