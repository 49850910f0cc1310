package org.samizdat.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.samizdat.content.internal.MediaTestImages.jpeg;
import static org.samizdat.content.internal.MediaTestImages.png;
import static org.samizdat.content.internal.MediaTestImages.resource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samizdat.shared.web.SiteProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/** Photo uploads against a real (in-memory) database and a real data directory. */
class MediaStoreTest {

    @TempDir
    Path dataDir;

    JdbcClient jdbc;
    MediaStore media;

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(ds);
        media = store(DataSize.ofMegabytes(10));
    }

    MediaStore store(DataSize maxSize) {
        return new MediaStore(new MediaRepository(jdbc), new SiteProperties(null, null, null, null, dataDir.toString(),
                null), maxSize, 50_000_000L, Clock.systemUTC());
    }

    @Test
    void acceptsJpegPngAndWebp() throws Exception {
        assertThat(media.find(media.store(jpeg(900, 600))).orElseThrow().contentType()).isEqualTo("image/jpeg");
        assertThat(media.find(media.store(png(900, 600))).orElseThrow().contentType()).isEqualTo("image/png");
        MediaInfo lossy = media.find(media.store(resource("photo.webp"))).orElseThrow();
        assertThat(lossy.contentType()).isEqualTo("image/webp");
        assertThat(lossy.width()).isEqualTo(150);
        assertThat(lossy.height()).isEqualTo(100);
        assertThat(media.find(media.store(resource("lossless.webp"))).orElseThrow().width()).isEqualTo(60);
    }

    @Test
    void refusesWhatIsNotAPhoto() {
        rejected(MediaTestImages.encode(MediaTestImages.picture(40, 40, 1), "gif"), "media.notAnImage");
        rejected(ascii("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
                "media.notAnImage");
        rejected(ascii("<!doctype html><html><script>alert(document.cookie)</script></html>"), "media.notAnImage");
        rejected(new byte[0], "media.notAnImage");
        rejected(null, "media.notAnImage");
    }

    @Test
    void refusesBrokenAndDisguisedFiles() {
        byte[] photo = jpeg(1200, 800);
        rejected(Arrays.copyOf(photo, photo.length / 2), "media.unreadable");
        byte[] pngThenGarbage = Arrays.copyOf(png(64, 64), 40);
        Arrays.fill(pngThenGarbage, 16, 40, (byte) 0x5A);
        rejected(pngThenGarbage, "media.unreadable");
        byte[] jpegMagicThenHtml = concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
                ascii("<html><script>alert(1)</script></html>"));
        rejected(jpegMagicThenHtml, "media.unreadable");
        rejected(ascii("RIFF\0\0\0\0WEBPVP8 garbage-garbage"), "media.unreadable");
        assertThat(jdbc.sql("select count(*) from media").query(Integer.class).single()).isZero();
    }

    @Test
    void refusesFilesOverTheSizeLimit() throws Exception {
        byte[] photo = jpeg(1600, 1067);
        MediaStore small = store(DataSize.ofBytes(photo.length - 1));
        assertThatThrownBy(() -> small.store(photo)).isInstanceOf(MediaRejected.class)
                .extracting(e -> ((MediaRejected) e).messageKey()).isEqualTo("media.tooLarge");
        rejected(concat(photo, new byte[10 * 1024 * 1024]), "media.tooLarge");
        assertThat(store(DataSize.ofBytes(photo.length)).store(photo)).isPositive();
    }

    @Test
    void refusesDecompressionBombsFromTheHeaderAlone() {
        rejected(MediaTestImages.pngBomb(100_000, 100_000), "media.tooManyPixels");
        rejected(MediaTestImages.jpegBomb(60_000, 60_000), "media.tooManyPixels");
    }

    @Test
    void variantsAreThreeByTwoJpegsAndNeverUpscaled() throws Exception {
        long big = media.store(jpeg(2000, 1500));
        assertThat(size(big, "w320")).containsExactly(320, 213);
        assertThat(size(big, "w480")).containsExactly(480, 320);
        assertThat(size(big, "w640")).containsExactly(640, 427);
        assertThat(size(big, "w800")).containsExactly(800, 533);
        assertThat(size(big, "w1280")).containsExactly(1280, 853);
        long portrait = media.store(png(600, 900));
        assertThat(size(portrait, "w320")).containsExactly(320, 213);
        assertThat(size(portrait, "w640")).containsExactly(600, 400);
        assertThat(size(portrait, "w1280")).containsExactly(600, 400);
        long tiny = media.store(resource("photo.webp"));
        assertThat(size(tiny, "w1280")).containsExactly(150, 100);
        for (String variant : MediaStore.VARIANTS.keySet()) {
            byte[] bytes = Files.readAllBytes(media.variant(big, variant).orElseThrow().path());
            assertThat(MediaFormat.sniff(bytes)).contains(MediaFormat.JPEG);
        }
    }

    @Test
    void variantsCarryNoExifOrGps() throws Exception {
        byte[] upload = resource("gps.jpg");
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("Exif", "SecretPhoneMaker", "Reporter Name");
        assertThat(MediaTestImages.jpegHeaderMarkers(upload)).contains(0xE1);
        long id = media.store(upload);
        for (String variant : MediaStore.VARIANTS.keySet()) {
            byte[] bytes = Files.readAllBytes(media.variant(id, variant).orElseThrow().path());
            assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                    .doesNotContain("Exif", "SecretPhoneMaker", "Reporter Name", "GPS");
            assertThat(MediaTestImages.jpegHeaderMarkers(bytes))
                    .allMatch(marker -> marker == 0xE0 || marker < 0xE0 || marker > 0xEF)
                    .doesNotContain(0xFE);
        }
    }

    @Test
    void phonePhotosAreTurnedUprightBeforeTheirOrientationTagIsDropped() throws Exception {
        byte[] upload = resource("rotated.jpg");
        assertThat(MediaOrientation.of(upload)).isEqualTo(6);
        assertThat(MediaOrientation.of(resource("gps.jpg"))).isEqualTo(1);
        long id = media.store(upload);
        MediaInfo info = media.find(id).orElseThrow();
        assertThat(info.width()).isEqualTo(200);
        assertThat(info.height()).isEqualTo(300);
        assertThat(size(id, "w1280")).containsExactly(200, 133);
        BufferedImage plain = ImageIO.read(new ByteArrayInputStream(resource("rotated.jpg")));
        BufferedImage turned = MediaOrientation.apply(plain, 6);
        assertThat(turned.getRGB(turned.getWidth() - 1, 0)).isEqualTo(plain.getRGB(0, 0));
        BufferedImage left = MediaOrientation.apply(plain, 8);
        assertThat(left.getRGB(0, left.getHeight() - 1)).isEqualTo(plain.getRGB(0, 0));
    }

    @Test
    void keptOriginalsCarryNoMetadataEither() throws Exception {
        for (String name : new String[] {"gps.jpg", "gps.webp"}) {
            MediaInfo info = media.find(media.store(resource(name))).orElseThrow();
            String extension = name.substring(name.indexOf('.') + 1);
            Path original = dataDir.resolve("media").resolve(info.sha256().substring(0, 2))
                    .resolve(info.sha256() + "." + extension);
            assertThat(new String(Files.readAllBytes(original), StandardCharsets.ISO_8859_1))
                    .doesNotContain("SecretPhoneMaker", "Reporter Name");
            assertThat(info.bytes()).isEqualTo(Files.size(original));
            assertThat(info.sha256()).isEqualTo(MediaStore.sha256(resource(name)));
        }
    }

    @Test
    void identicalUploadsAreStoredOnce() throws Exception {
        byte[] photo = jpeg(800, 600);
        long first = media.store(photo);
        assertThat(media.store(photo.clone())).isEqualTo(first);
        assertThat(media.store(jpeg(801, 600))).isNotEqualTo(first);
        assertThat(jdbc.sql("select count(*) from media").query(Integer.class).single()).isEqualTo(2);
        MediaInfo info = media.find(first).orElseThrow();
        assertThat(info.sha256()).isEqualTo(MediaStore.sha256(photo)).hasSize(64);
        assertThat(info.bytes()).isEqualTo(photo.length);
        assertThat(dataDir.resolve("media").resolve(info.sha256().substring(0, 2)).resolve(info.sha256() + ".jpg"))
                .isRegularFile();
    }

    @Test
    void aFailedWriteLeavesNoPartialFilesAndNoRecord() throws Exception {
        byte[] photo = jpeg(800, 600);
        String sha = MediaStore.sha256(photo);
        Path blocker = dataDir.resolve("media").resolve(sha.substring(0, 2)).resolve(sha + "-w640.jpg");
        Files.createDirectories(blocker.resolve("occupied"));
        assertThatThrownBy(() -> media.store(photo)).isInstanceOf(MediaRejected.class)
                .extracting(e -> ((MediaRejected) e).messageKey()).isEqualTo("media.storageFailed");
        assertThat(partialFiles()).isEmpty();
        assertThat(jdbc.sql("select count(*) from media").query(Integer.class).single()).isZero();

        Files.delete(blocker.resolve("occupied"));
        Files.delete(blocker);
        long id = media.store(photo);
        assertThat(media.variant(id, "w640")).isPresent();
        assertThat(partialFiles()).isEmpty();
    }

    @Test
    void anUnwritableDataDirectoryIsAClearRefusal() throws Exception {
        Files.writeString(dataDir.resolve("media"), "not a directory");
        assertThatThrownBy(() -> media.store(jpeg(300, 200))).isInstanceOf(MediaRejected.class)
                .extracting(e -> ((MediaRejected) e).messageKey()).isEqualTo("media.storageFailed");
        assertThat(jdbc.sql("select count(*) from media").query(Integer.class).single()).isZero();
    }

    @Test
    void missingVariantsAreRebuiltFromTheOriginal() throws Exception {
        long id = media.store(jpeg(1400, 1000));
        Path w640 = media.variant(id, "w640").orElseThrow().path();
        for (String variant : MediaStore.VARIANTS.keySet()) {
            Files.delete(media.variant(id, variant).orElseThrow().path());
        }
        assertThat(w640).doesNotExist();
        assertThat(size(id, "w640")).containsExactly(640, 427);
        assertThat(media.variant(id, "w1280").orElseThrow().path()).isRegularFile();
    }

    @Test
    void unknownPhotosAndVariantsAreAbsent() throws Exception {
        long id = media.store(jpeg(400, 300));
        assertThat(media.variant(id, "w641")).isEmpty();
        assertThat(media.variant(id, "original")).isEmpty();
        assertThat(media.variant(id + 1000, "w640")).isEmpty();
        assertThat(media.variant(id, "w640").orElseThrow().etag()).startsWith("\"").endsWith("-w640\"");
    }

    @Test
    void variantsAreProgressiveAndGrowWithTheirWidth() throws Exception {
        long id = media.store(jpeg(2000, 1400));
        long previous = 0;
        for (String variant : MediaStore.VARIANTS.keySet()) {
            byte[] bytes = Files.readAllBytes(media.variant(id, variant).orElseThrow().path());
            assertThat(MediaTestImages.jpegHeaderMarkers(bytes)).as(variant).contains(0xC2).doesNotContain(0xC0);
            assertThat((long) bytes.length).as(variant).isGreaterThan(previous);
            previous = bytes.length;
        }
    }

    @Test
    void photosStoredBeforeTheNewWidthsGetThemOnStartWithoutTouchingTheOldFiles() throws Exception {
        long first = media.store(jpeg(1600, 1000));
        long second = media.store(png(900, 600));
        Path w640 = media.variant(first, "w640").orElseThrow().path();
        byte[] old = Files.readAllBytes(w640);
        for (long id : new long[] {first, second}) {
            Files.delete(media.variant(id, "w480").orElseThrow().path());
            Files.delete(media.variant(id, "w800").orElseThrow().path());
        }
        MediaBackfill backfill = new MediaBackfill(new MediaRepository(jdbc), media, false);

        assertThat(backfill.run()).isEqualTo(2);
        assertThat(backfill.run()).isZero();
        assertThat(size(first, "w800")).containsExactly(800, 533);
        assertThat(size(second, "w800")).containsExactly(800, 533);
        assertThat(size(second, "w480")).containsExactly(480, 320);
        assertThat(Files.readAllBytes(w640)).isEqualTo(old);
    }

    @Test
    void aPhotoWithoutItsOriginalIsSkippedByTheBackfill() throws Exception {
        long id = media.store(jpeg(1000, 700));
        MediaInfo info = media.find(id).orElseThrow();
        Files.delete(dataDir.resolve("media").resolve(info.sha256().substring(0, 2)).resolve(info.sha256() + ".jpg"));
        Files.delete(media.variant(id, "w800").orElseThrow().path());
        long other = media.store(png(700, 500));
        Files.delete(media.variant(other, "w480").orElseThrow().path());

        assertThat(new MediaBackfill(new MediaRepository(jdbc), media, false).run()).isEqualTo(1);
        assertThat(media.variant(id, "w800")).isEmpty();
        assertThat(size(other, "w480")).containsExactly(480, 320);
    }

    private int[] size(long id, String variant) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                Files.readAllBytes(media.variant(id, variant).orElseThrow().path())));
        return new int[] {image.getWidth(), image.getHeight()};
    }

    private List<Path> partialFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(dataDir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(MediaFiles.TEMP_SUFFIX)).toList();
        }
    }

    private void rejected(byte[] data, String key) {
        assertThatThrownBy(() -> media.store(data)).isInstanceOf(MediaRejected.class)
                .extracting(e -> ((MediaRejected) e).messageKey()).isEqualTo(key);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
