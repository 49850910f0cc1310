package org.samizdat.content.internal;

import java.time.Instant;

/** A stored photo: its content hash (which names its files), original format and size. */
public record MediaInfo(long id, String sha256, String contentType, int width, int height, long bytes, Instant createdAt) {
}
