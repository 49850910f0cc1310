package org.samizdat.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.samizdat.content.internal.MediaTestImages.resource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Originals are kept without the metadata that could identify a photographer, and still decode. */
class MediaMetadataTest {

    static final String[] SECRETS = {"SecretPhoneMaker", "Reporter Name", "GPS", "Exif", "XMP"};

    @Test
    void jpegLosesExifButKeepsItsPixels() throws Exception {
        byte[] upload = resource("gps.jpg");
        byte[] stripped = MediaMetadata.strip(upload, MediaFormat.JPEG);
        assertThat(text(stripped)).doesNotContain(SECRETS);
        assertThat(MediaTestImages.jpegHeaderMarkers(stripped)).doesNotContain(0xE1, 0xED, 0xFE);
        assertSamePixels(upload, stripped, MediaFormat.JPEG);
    }

    @Test
    void jpegKeepsOnlyItsOrientation() throws Exception {
        byte[] stripped = MediaMetadata.strip(resource("rotated.jpg"), MediaFormat.JPEG);
        assertThat(MediaOrientation.of(stripped)).isEqualTo(6);
        assertThat(text(stripped)).doesNotContain("ExifTool", "Reporter");
        BufferedImage image = MediaImages.decode(stripped, MediaFormat.JPEG, Long.MAX_VALUE);
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(300);
    }

    @Test
    void jpegDropsImagesAppendedAfterTheFirst() throws Exception {
        byte[] first = MediaTestImages.jpeg(640, 480);
        byte[] upload = concat(first, resource("gps.jpg"));
        byte[] stripped = MediaMetadata.strip(upload, MediaFormat.JPEG);
        assertThat(stripped.length).isLessThanOrEqualTo(first.length);
        assertThat(text(stripped)).doesNotContain(SECRETS);
        assertSamePixels(first, stripped, MediaFormat.JPEG);
    }

    @Test
    void pngLosesTextChunks() throws Exception {
        byte[] png = MediaTestImages.png(120, 80);
        byte[] upload = withChunkAfterHeader(png, "tEXt", "Author\0Reporter Name".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(text(upload)).contains("Reporter Name");
        byte[] stripped = MediaMetadata.strip(upload, MediaFormat.PNG);
        assertThat(text(stripped)).doesNotContain("Reporter Name", "tEXt");
        assertThat(stripped).isEqualTo(png);
    }

    @Test
    void webpLosesExifAndXmpChunksAndFlags() throws Exception {
        byte[] upload = resource("gps.webp");
        assertThat(text(upload)).contains("SecretPhoneMaker");
        byte[] stripped = MediaMetadata.strip(upload, MediaFormat.WEBP);
        assertThat(text(stripped)).doesNotContain("SecretPhoneMaker", "Reporter Name", "EXIF", "XMP ");
        assertThat(ByteBuffer.wrap(stripped, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt())
                .isEqualTo(stripped.length - 8);
        int vp8x = text(stripped).indexOf("VP8X");
        assertThat(stripped[vp8x + 8] & 0x0C).isZero();
        assertSamePixels(upload, stripped, MediaFormat.WEBP);
    }

    @Test
    void brokenContainersAreUnreadable() {
        byte[] jpeg = MediaTestImages.jpeg(300, 200);
        assertThatThrownBy(() -> MediaMetadata.strip(Arrays.copyOf(jpeg, 40), MediaFormat.JPEG))
                .isInstanceOf(MediaRejected.class);
        byte[] png = MediaTestImages.png(30, 20);
        ByteBuffer.wrap(png, 8, 4).putInt(Integer.MAX_VALUE);
        assertThatThrownBy(() -> MediaMetadata.strip(png, MediaFormat.PNG)).isInstanceOf(MediaRejected.class);
    }

    private static void assertSamePixels(byte[] a, byte[] b, MediaFormat format) throws MediaRejected {
        BufferedImage left = MediaImages.decode(a, format, Long.MAX_VALUE);
        BufferedImage right = MediaImages.decode(b, format, Long.MAX_VALUE);
        assertThat(right.getWidth()).isEqualTo(left.getWidth());
        assertThat(right.getHeight()).isEqualTo(left.getHeight());
        for (int y = 0; y < left.getHeight(); y += 7) {
            for (int x = 0; x < left.getWidth(); x += 7) {
                assertThat(right.getRGB(x, y)).isEqualTo(left.getRGB(x, y));
            }
        }
    }

    private static byte[] withChunkAfterHeader(byte[] png, String type, byte[] body) {
        int afterIhdr = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(ByteBuffer.allocate(4).putInt(body.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(body);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(body);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
