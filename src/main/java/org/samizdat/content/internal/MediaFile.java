package org.samizdat.content.internal;

import java.nio.file.Path;
import java.time.Instant;

/** A file ready to be sent to a reader, with what HTTP caching needs to know about it. */
public record MediaFile(Path path, String contentType, String etag, Instant lastModified) {
}
