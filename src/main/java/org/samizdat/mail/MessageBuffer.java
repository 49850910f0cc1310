package org.samizdat.mail;

import java.io.ByteArrayOutputStream;

/** A growable byte buffer whose array is used as it is; a connection reuses two for all its messages. */
final class MessageBuffer extends ByteArrayOutputStream {

    MessageBuffer(int size) {
        super(size);
    }

    /** The bytes written so far are the first {@link #size()} of this array. */
    byte[] array() {
        return buf;
    }
}
