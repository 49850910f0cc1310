package org.samizdat.newsletter.internal;

import java.time.Instant;
import java.util.List;

/**
 * An issue of a newsletter: subject, preheader, intro and the picked stories in order; {@code sendAt} is set while a
 * draft is scheduled to be sent by itself.
 */
public record Edition(long id, Newsletter newsletter, String subject, String preheader, String intro, String status,
        Instant sentAt, List<Item> items, Instant sendAt) {

    public static final String DRAFT = "DRAFT";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    /** Sending stopped by an editor; resumable. */
    public static final String PAUSED = "PAUSED";
    /** Sending stopped for good; queued deliveries are cancelled. */
    public static final String CANCELLED = "CANCELLED";

    /** A draft waiting for its scheduled time. */
    public boolean scheduled() {
        return DRAFT.equals(status) && sendAt != null;
    }

    /** One picked story as it was when picked. */
    public record Item(long storyId, String headline, String standfirst, String path) {
    }
}
