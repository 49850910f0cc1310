package org.samizdat.content.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Decodes uploaded photos defensively (dimensions checked from the header before any pixel is read, any
 * decoder warning treated as a broken file) and renders the 3:2 JPEG variants readers get, built from
 * pixels alone so no EXIF, GPS or other metadata survives.
 */
final class MediaImages {

    /** Visually clean for photos at 1x to 3x density while about a fifth smaller than 0.85; progressive as well. */
    static final float JPEG_QUALITY = 0.78f;

    static {
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    private MediaImages() {
    }

    /**
     * Reads the whole image, refusing it before decoding when the header promises more than maxPixels;
     * a JPEG comes back turned the way its EXIF orientation says.
     */
    static BufferedImage decode(byte[] data, MediaFormat format, long maxPixels) throws MediaRejected {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
        if (!readers.hasNext()) {
            throw new MediaRejected("media.unreadable");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw new MediaRejected("media.unreadable");
            }
            if (width * height > maxPixels) {
                throw new MediaRejected("media.tooManyPixels");
            }
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty() || image == null || image.getWidth() != width || image.getHeight() != height) {
                throw new MediaRejected("media.unreadable");
            }
            return format == MediaFormat.JPEG ? MediaOrientation.apply(image, MediaOrientation.of(data)) : image;
        } catch (IOException | RuntimeException e) {
            throw new MediaRejected("media.unreadable");
        } finally {
            reader.dispose();
        }
    }

    /** The largest centred 3:2 crop scaled to the given width, or the crop's own size if it is narrower. */
    static BufferedImage variant(BufferedImage source, int width) {
        int cropW = source.getWidth();
        int cropH = Math.max(1, cropW * 2 / 3);
        if (cropH > source.getHeight()) {
            cropH = source.getHeight();
            cropW = Math.max(1, Math.min(source.getWidth(), cropH * 3 / 2));
        }
        int x = (source.getWidth() - cropW) / 2;
        int y = (source.getHeight() - cropH) / 2;
        int targetW = Math.max(3, Math.min(width, cropW));
        int targetH = Math.max(2, Math.round(targetW * 2 / 3f));
        BufferedImage current = source.getSubimage(x, y, cropW, cropH);
        while (current.getWidth() >= targetW * 2 && current.getHeight() >= targetH * 2) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        return draw(current, targetW, targetH, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    /** Progressive JPEG bytes (optimised Huffman tables) from pixels only: nothing but the image data is written. */
    static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            if (param instanceof JPEGImageWriteParam jpeg) {
                jpeg.setOptimizeHuffmanTables(true);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, Object interpolation) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
