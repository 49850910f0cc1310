package org.samizdat.newsletter.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
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

    /**
     * A fingerprint of what an editor can change (subject, preheader, intro, stories in order): the edit form carries
     * it, and a save is refused when the edition no longer matches it, so two editors cannot overwrite each other.
     */
    public String version() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(subject, preheader, intro)) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            for (Item item : items) {
                digest.update((item.storyId() + ":" + item.headline()).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One picked story as it was when picked. */
    public record Item(long storyId, String headline, String standfirst, String path) {
    }
}
