package org.samizdat.newsletter.internal;

/** A subscriber's place on one newsletter, with the address it goes to. */
public record Subscription(long id, long subscriberId, String email, Newsletter newsletter, String status) {

    public static final String PENDING = "PENDING";
    public static final String ACTIVE = "ACTIVE";
    public static final String UNSUBSCRIBED = "UNSUBSCRIBED";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
