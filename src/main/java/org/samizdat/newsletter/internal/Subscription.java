package org.samizdat.newsletter.internal;

/** A subscriber's place on one newsletter, with the address it goes to. */
public record Subscription(long id, long subscriberId, String email, Newsletter newsletter, String status) {

    public static final String PENDING = "PENDING";
    public static final String ACTIVE = "ACTIVE";
    public static final String UNSUBSCRIBED = "UNSUBSCRIBED";
    /** Never confirmed within the retention period; the request is void. */
    public static final String EXPIRED = "EXPIRED";
    /** The reader asked for their data to be deleted: the address is gone, the consent history stays. */
    public static final String ERASED = "ERASED";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
