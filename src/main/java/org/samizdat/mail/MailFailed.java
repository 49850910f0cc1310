package org.samizdat.mail;

/**
 * A message could not be handed to the relay. The message never contains the recipient's address. {@link #kind()}
 * says what a sender may do next: try again later, give up, or neither (the relay may already have the message).
 */
public class MailFailed extends RuntimeException {

    /** How a failure affects the message. */
    public enum Kind {
        /** 4xx reply, refused or broken connection before the end of the data: nothing was accepted; retry later. */
        TEMPORARY,
        /** 5xx reply: the relay refused the message for good. */
        PERMANENT,
        /** The end of the data went out but no reply came back: the relay may have accepted it; never resend. */
        UNCERTAIN,
        /** The caller's fence refused to let the message end: nothing was accepted. */
        FENCED
    }

    private final Kind kind;
    private final String reason;

    public MailFailed(String message, Throwable cause) {
        this(message, cause, Kind.TEMPORARY, "");
    }

    public MailFailed(String message, Throwable cause, Kind kind, String reason) {
        super(message, cause);
        this.kind = kind;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    /** The SMTP reply code and enhanced status (e.g. {@code 550 5.1.1}) or the error type; never an address. */
    public String reason() {
        return reason;
    }
}
