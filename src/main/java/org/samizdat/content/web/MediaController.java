package org.samizdat.content.web;

import java.time.Duration;
import org.samizdat.content.internal.MediaFile;
import org.samizdat.content.internal.MediaStore;
import org.samizdat.shared.web.NotFound;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Photo variants for readers, {@code /media/{id}/w320.jpg} and its siblings: streamed from disk, cached
 * for a year (a variant's bytes never change under its address), revalidated by ETag.
 */
@Controller
class MediaController {

    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final MediaStore media;

    MediaController(MediaStore media) {
        this.media = media;
    }

    @GetMapping("/media/{id}/{file}")
    ResponseEntity<Resource> variant(@PathVariable String id, @PathVariable String file) {
        if (!id.matches("[1-9][0-9]{0,17}") || !file.endsWith(".jpg")) {
            throw new NotFound();
        }
        String variant = file.substring(0, file.length() - ".jpg".length());
        MediaFile found = media.variant(Long.parseLong(id), variant).orElseThrow(NotFound::new);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(FOREVER)
                .eTag(found.etag())
                .lastModified(found.lastModified())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(found.path()));
    }
}
