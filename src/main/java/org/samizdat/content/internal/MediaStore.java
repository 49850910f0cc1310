package org.samizdat.content.internal;

import org.samizdat.content.StoryPaths;
import org.samizdat.shared.Sha256;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.samizdat.shared.web.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Stores uploaded photos (JPEG, PNG, WebP, checked by content) under the data directory, once per content
 * hash of the upload, with the 3:2 JPEG variants readers are served. Originals are kept, stripped of their
 * metadata, only to rebuild variants; they are never served.
 */
@Service
public class MediaStore {

    /**
     * Variant names and their widths; every photo has all of them, capped at the original's size. The in-between
     * widths let a phone at 1.75x to 3x density get a file close to what it shows instead of the next size up.
     */
    public static final Map<String, Integer> VARIANTS = variants();

    private static final Logger log = LoggerFactory.getLogger(MediaStore.class);

    private final MediaRepository repository;
    private final MediaFiles files;
    private final long maxBytes;
    private final long maxPixels;
    private final Clock clock;
    private final Semaphore decoding = new Semaphore(2);
    private final Cache<Long, MediaInfo> known = Caffeine.newBuilder().maximumSize(20_000).build();

    MediaStore(MediaRepository repository, SiteProperties site,
            @Value("${samizdat.media.max-size:10MB}") DataSize maxSize,
            @Value("${samizdat.media.max-pixels:50000000}") long maxPixels, Clock clock) {
        this.repository = repository;
        this.files = new MediaFiles(Path.of(site.dataDir()));
        this.maxBytes = maxSize.toBytes();
        this.maxPixels = maxPixels;
        this.clock = clock;
    }

    /** Stores the photo and returns its media id; refuses anything that is not an acceptable image. */
    public long store(byte[] data) throws MediaRejected {
        if (data == null || data.length == 0) {
            throw new MediaRejected("media.notAnImage");
        }
        if (data.length > maxBytes) {
            throw new MediaRejected("media.tooLarge");
        }
        MediaFormat format = MediaFormat.sniff(data).orElseThrow(() -> new MediaRejected("media.notAnImage"));
        String sha = sha256(data);
        Optional<Long> existing = repository.idBySha(sha);
        if (existing.isPresent() && Files.isRegularFile(files.original(sha, format))) {
            return existing.get();
        }
        decoding.acquireUninterruptibly();
        try {
            byte[] original = MediaMetadata.strip(data, format);
            BufferedImage image = MediaImages.decode(original, format, maxPixels);
            MediaFiles.writeAtomically(files.original(sha, format), original);
            writeVariants(sha, image);
            return repository.insert(sha, format.contentType(), image.getWidth(), image.getHeight(), original.length,
                    clock.instant());
        } catch (IOException e) {
            log.error("Could not store a photo under {}", files.root(), e);
            throw new MediaRejected("media.storageFailed", e);
        } finally {
            decoding.release();
        }
    }

    public Optional<MediaInfo> find(long id) {
        MediaInfo cached = known.getIfPresent(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<MediaInfo> found = repository.find(id);
        found.ifPresent(info -> known.put(id, info));
        return found;
    }

    /** The file of one variant, rebuilt from the original when it is missing on disk (after a restore, say). */
    public Optional<MediaFile> variant(long id, String variant) {
        if (!VARIANTS.containsKey(variant)) {
            return Optional.empty();
        }
        return find(id).flatMap(info -> {
            Path path = files.variant(info.sha256(), variant);
            if (!Files.isRegularFile(path) && !rebuild(info, false)) {
                return Optional.empty();
            }
            String etag = "\"" + info.sha256().substring(0, 32) + "-" + variant + "\"";
            return Optional.of(new MediaFile(path, "image/jpeg", etag, info.createdAt()));
        });
    }

    /** Writes whichever variants of a photo are missing on disk; false when they cannot be made. */
    synchronized boolean rebuild(MediaInfo info, boolean quiet) {
        MediaFormat format = MediaFormat.ofContentType(info.contentType()).orElse(null);
        if (format == null) {
            return false;
        }
        Path original = files.original(info.sha256(), format);
        if (complete(info)) {
            return true;
        }
        if (!Files.isRegularFile(original)) {
            log.warn("Photo {} has no original at {}; its variants cannot be rebuilt", info.id(), original);
            return false;
        }
        decoding.acquireUninterruptibly();
        try {
            writeVariants(info.sha256(), MediaImages.decode(Files.readAllBytes(original), format, Long.MAX_VALUE));
            if (!quiet) {
                log.info("Rebuilt the variants of photo {}", info.id());
            }
            return true;
        } catch (IOException | MediaRejected e) {
            log.error("Could not rebuild the variants of photo {}", info.id(), e);
            return false;
        } finally {
            decoding.release();
        }
    }

    /** Whether every variant of the photo is on disk. */
    boolean complete(MediaInfo info) {
        return VARIANTS.keySet().stream().allMatch(v -> Files.isRegularFile(files.variant(info.sha256(), v)));
    }

    private void writeVariants(String sha, BufferedImage image) throws IOException {
        int widest = StoryPaths.PHOTO_WIDTHS.get(StoryPaths.PHOTO_WIDTHS.size() - 1);
        BufferedImage largest = MediaImages.variant(image, widest);
        for (Map.Entry<String, Integer> v : VARIANTS.entrySet()) {
            Path path = files.variant(sha, v.getKey());
            if (Files.isRegularFile(path)) {
                continue;
            }
            BufferedImage pixels = v.getValue() == widest ? largest : MediaImages.variant(largest, v.getValue());
            MediaFiles.writeAtomically(path, MediaImages.jpeg(pixels));
        }
    }

    static String sha256(byte[] data) {
        return Sha256.hex(data);
    }

    private static Map<String, Integer> variants() {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int width : StoryPaths.PHOTO_WIDTHS) {
            map.put("w" + width, width);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
