package org.samizdat.content.internal;

/** The workflow refused an action (not allowed for the role, a schedule in the past…); carries a message key. */
public class WorkflowRefused extends RuntimeException {

    private final String messageKey;

    public WorkflowRefused(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
