package org.samizdat.content.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Strips an original of what could identify where, when and by whom it was taken (EXIF with GPS and
 * camera serials, XMP, IPTC, comments, text chunks) without re-encoding its pixels, so a seized or
 * breached server holds no more than the picture. A JPEG keeps only its orientation.
 */
final class MediaMetadata {

    private static final Set<String> PNG_DROPPED = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");
    private static final Set<String> WEBP_DROPPED = Set.of("EXIF", "XMP ");

    private MediaMetadata() {
    }

    /** The same image without metadata; throws MediaRejected when the container structure is broken. */
    static byte[] strip(byte[] data, MediaFormat format) throws MediaRejected {
        try {
            return switch (format) {
                case JPEG -> jpeg(data);
                case PNG -> png(data);
                case WEBP -> webp(data);
            };
        } catch (RuntimeException e) {
            throw new MediaRejected("media.unreadable", e);
        }
    }

    /** Keeps the frame, tables, scans, JFIF, ICC and Adobe segments of the first image, up to its end marker. */
    private static byte[] jpeg(byte[] data) throws MediaRejected {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        out.write(data, 0, 2);
        int orientation = MediaOrientation.of(data);
        if (orientation != 1) {
            out.writeBytes(orientationSegment(orientation));
        }
        int i = 2;
        while (true) {
            if (i + 2 > data.length || (data[i] & 0xFF) != 0xFF) {
                throw new MediaRejected("media.unreadable");
            }
            int marker = data[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xD9) {
                out.write(data, i, 2);
                return out.toByteArray();
            }
            if (i + 4 > data.length) {
                throw new MediaRejected("media.unreadable");
            }
            int length = ((data[i + 2] & 0xFF) << 8) | (data[i + 3] & 0xFF);
            if (length < 2 || i + 2 + length > data.length) {
                throw new MediaRejected("media.unreadable");
            }
            if (keepJpegSegment(data, i, marker)) {
                out.write(data, i, 2 + length);
            }
            i += 2 + length;
            if (marker == 0xDA) {
                int scan = i;
                while (i + 1 < data.length && !((data[i] & 0xFF) == 0xFF && isMarkerAfterScan(data[i + 1] & 0xFF))) {
                    i++;
                }
                if (i + 1 >= data.length) {
                    throw new MediaRejected("media.unreadable");
                }
                out.write(data, scan, i - scan);
            }
        }
    }

    private static boolean keepJpegSegment(byte[] data, int at, int marker) {
        if (marker == 0xE2) {
            return at + 16 <= data.length
                    && new String(data, at + 4, 12, StandardCharsets.ISO_8859_1).equals("ICC_PROFILE\0");
        }
        return marker == 0xE0 || marker == 0xEE || marker < 0xE0 || (marker > 0xEF && marker != 0xFE);
    }

    /** In scan data 0xFF is followed by a stuffed zero or a restart marker; anything else ends the scan. */
    private static boolean isMarkerAfterScan(int next) {
        return next != 0x00 && (next < 0xD0 || next > 0xD7) && next != 0xFF;
    }

    /** A minimal EXIF segment holding nothing but the orientation tag. */
    private static byte[] orientationSegment(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(2 + 2 + 6 + 8 + 2 + 12 + 4).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (b.capacity() - 2));
        b.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 1);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putInt(0);
        return b.array();
    }

    private static byte[] png(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        out.write(data, 0, 8);
        int i = 8;
        while (i + 12 <= data.length) {
            int length = ByteBuffer.wrap(data, i, 4).getInt();
            if (length < 0 || i + 12L + length > data.length) {
                throw new IllegalArgumentException("PNG chunk overruns the file");
            }
            String type = new String(data, i + 4, 4, StandardCharsets.ISO_8859_1);
            if (!PNG_DROPPED.contains(type)) {
                out.write(data, i, 12 + length);
            }
            i += 12 + length;
            if (type.equals("IEND")) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static byte[] webp(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        out.write(data, 0, 12);
        int i = 12;
        while (i + 8 <= data.length) {
            String type = new String(data, i, 4, StandardCharsets.ISO_8859_1);
            long size = ByteBuffer.wrap(data, i + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            long padded = size + (size & 1);
            if (i + 8 + size > data.length) {
                throw new IllegalArgumentException("WebP chunk overruns the file");
            }
            int chunk = (int) Math.min(8 + padded, data.length - i);
            if (!WEBP_DROPPED.contains(type)) {
                byte[] copy = java.util.Arrays.copyOfRange(data, i, i + chunk);
                if (type.equals("VP8X") && size >= 1) {
                    copy[8] &= (byte) ~0x0C;
                }
                out.writeBytes(copy);
            }
            i += chunk;
        }
        byte[] result = out.toByteArray();
        ByteBuffer.wrap(result, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(result.length - 8);
        return result;
    }
}
