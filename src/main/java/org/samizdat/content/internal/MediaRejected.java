package org.samizdat.content.internal;

/** An upload that is not an acceptable photo, or one that could not be saved; carries a message key the editor sees. */
public class MediaRejected extends Exception {

    private final String messageKey;

    public MediaRejected(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public MediaRejected(String messageKey, Throwable cause) {
        super(messageKey, cause);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
