package org.samizdat.mail;

import java.io.IOException;

/** The relay answered a command with a reply other than the one expected: its code and first line. */
final class RelayReply extends IOException {

    private final int code;

    RelayReply(int code, String line) {
        super(line);
        this.code = code;
    }

    int code() {
        return code;
    }

    boolean permanent() {
        return code >= 500;
    }
}
