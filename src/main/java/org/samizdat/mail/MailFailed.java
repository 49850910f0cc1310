package org.samizdat.mail;

/** A message could not be handed to the relay. The message never contains the recipient's address. */
public class MailFailed extends RuntimeException {

    public MailFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
