package org.samizdat.content.internal;

import java.util.Optional;

/** The photo formats the newsroom may upload, recognised by their first bytes rather than by a file name. */
enum MediaFormat {
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png", "png"),
    WEBP("image/webp", "webp", "webp");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String contentType;
    private final String extension;
    private final String readerName;

    MediaFormat(String contentType, String extension, String readerName) {
        this.contentType = contentType;
        this.extension = extension;
        this.readerName = readerName;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    String readerName() {
        return readerName;
    }

    /** The format the bytes claim by their magic number; empty for anything else (GIF, SVG, HTML…). */
    static Optional<MediaFormat> sniff(byte[] data) {
        if (data == null) {
            return Optional.empty();
        }
        if (data.length >= 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (startsWith(data, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (data.length >= 16 && startsWith(data, 0, ascii("RIFF")) && startsWith(data, 8, ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    static Optional<MediaFormat> ofContentType(String contentType) {
        for (MediaFormat format : values()) {
            if (format.contentType.equals(contentType)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
