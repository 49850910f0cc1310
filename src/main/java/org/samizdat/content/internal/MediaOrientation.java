package org.samizdat.content.internal;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Honours the EXIF orientation a phone writes into a JPEG instead of rotating its pixels, so photos
 * taken upright stay upright once the variants are rebuilt from pixels alone and that tag is gone.
 */
final class MediaOrientation {

    private MediaOrientation() {
    }

    /** The EXIF orientation (1 to 8) of a JPEG, 1 when there is none or it cannot be read. */
    static int of(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            int length = u16(jpeg, i + 2, true);
            if (marker == 0xDA || length < 2) {
                return 1;
            }
            if (marker == 0xE1 && length >= 16 && i + 2 + length <= jpeg.length
                    && new String(jpeg, i + 4, 6, java.nio.charset.StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                return fromTiff(jpeg, i + 10, i + 2 + length);
            }
            i += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        boolean bigEndian = b[tiff] == 'M';
        if (!bigEndian && b[tiff] != 'I') {
            return 1;
        }
        long ifd = tiff + u32(b, tiff + 4, bigEndian);
        if (ifd + 2 > end) {
            return 1;
        }
        int entries = u16(b, (int) ifd, bigEndian);
        for (int e = 0; e < entries; e++) {
            int entry = (int) ifd + 2 + e * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, bigEndian) == 0x0112) {
                int value = u16(b, entry + 8, bigEndian);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** The image turned and flipped so that it looks the way the camera meant it to. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
        }
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    private static int u16(byte[] b, int at, boolean bigEndian) {
        if (at + 2 > b.length) {
            return 0;
        }
        int hi = b[bigEndian ? at : at + 1] & 0xFF;
        int lo = b[bigEndian ? at + 1 : at] & 0xFF;
        return (hi << 8) | lo;
    }

    private static long u32(byte[] b, int at, boolean bigEndian) {
        if (at + 4 > b.length) {
            return Integer.MAX_VALUE;
        }
        long hi = u16(b, bigEndian ? at : at + 2, bigEndian);
        long lo = u16(b, bigEndian ? at + 2 : at, bigEndian);
        return (hi << 16) | lo;
    }
}
