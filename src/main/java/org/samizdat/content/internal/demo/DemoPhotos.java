package org.samizdat.content.internal.demo;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws the demo site's photos with Java2D, so nothing is downloaded: skylines, ridges, crowds and
 * abstract compositions in colours that vary with each story's key. Same key, same picture.
 */
final class DemoPhotos {

    static final int WIDTH = 1600;
    static final int HEIGHT = 1067;

    private DemoPhotos() {
    }

    /** A 1600×1067 JPEG in the given style: city, land, crowd, chart or shapes. */
    static byte[] scene(String key, String style) {
        Random random = new Random(key.hashCode() * 7919L + style.hashCode());
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        float hue = random.nextFloat();
        sky(g, hue, random, WIDTH, HEIGHT);
        switch (style) {
            case "city" -> city(g, hue, random);
            case "crowd" -> crowd(g, hue, random);
            case "chart" -> chart(g, hue, random);
            case "shapes" -> shapes(g, hue, random);
            default -> land(g, hue, random);
        }
        g.dispose();
        return jpeg(image);
    }

    /** A 3:2 head-and-shoulders silhouette for an author page. */
    static byte[] portrait(String key) {
        Random random = new Random(key.hashCode());
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        float hue = random.nextFloat();
        g.setPaint(new RadialGradientPaint(600, 300, 700, new float[] {0f, 1f},
                new Color[] {Color.getHSBColor(hue, 0.25f, 0.95f), Color.getHSBColor(hue, 0.55f, 0.55f)}));
        g.fillRect(0, 0, 1200, 800);
        Color figure = Color.getHSBColor((hue + 0.5f) % 1f, 0.35f, 0.18f + random.nextFloat() * 0.1f);
        g.setColor(figure);
        int headW = 210 + random.nextInt(40);
        g.fill(new Ellipse2D.Double(600 - headW / 2.0, 170, headW, headW * 1.25));
        g.fill(new RoundRectangle2D.Double(600 - 90, 380, 180, 120, 60, 60));
        g.fill(new Ellipse2D.Double(600 - 330 - random.nextInt(40), 460, 660 + random.nextInt(80), 520));
        g.dispose();
        return jpeg(image);
    }

    private static void sky(Graphics2D g, float hue, Random random, int w, int h) {
        Color top = Color.getHSBColor(hue, 0.55f, 0.25f + random.nextFloat() * 0.2f);
        Color horizon = Color.getHSBColor((hue + 0.08f) % 1f, 0.35f + random.nextFloat() * 0.3f, 0.85f);
        g.setPaint(new GradientPaint(0, 0, top, 0, h * 0.75f, horizon));
        g.fillRect(0, 0, w, h);
        int x = 200 + random.nextInt(w - 400);
        int y = 150 + random.nextInt(h / 3);
        g.setPaint(new RadialGradientPaint(x, y, 260, new float[] {0f, 0.25f, 1f}, new Color[] {
                new Color(255, 245, 220, 240), new Color(255, 220, 170, 120), new Color(255, 220, 170, 0)}));
        g.fillRect(x - 260, y - 260, 520, 520);
    }

    private static void land(Graphics2D g, float hue, Random random) {
        for (int layer = 0; layer < 4; layer++) {
            float brightness = 0.55f - layer * 0.14f;
            g.setColor(Color.getHSBColor((hue + 0.55f) % 1f, 0.3f + layer * 0.1f, Math.max(0.05f, brightness)));
            int base = 520 + layer * 150;
            Polygon ridge = new Polygon();
            ridge.addPoint(0, HEIGHT);
            int y = base - random.nextInt(120);
            for (int x = 0; x <= WIDTH; x += 40) {
                y = Math.max(base - 260, Math.min(base + 60, y + random.nextInt(81) - 40));
                ridge.addPoint(x, y);
            }
            ridge.addPoint(WIDTH, HEIGHT);
            g.fillPolygon(ridge);
        }
    }

    private static void city(Graphics2D g, float hue, Random random) {
        for (int row = 0; row < 2; row++) {
            Color wall = Color.getHSBColor((hue + 0.6f) % 1f, 0.3f, row == 0 ? 0.32f : 0.12f);
            for (int x = -20; x < WIDTH; ) {
                int w = 60 + random.nextInt(110);
                int top = (row == 0 ? 380 : 520) + random.nextInt(260);
                g.setColor(wall);
                g.fillRect(x, top, w, HEIGHT - top);
                g.setColor(new Color(255, 214, 120, row == 0 ? 120 : 220));
                for (int wy = top + 20; wy < HEIGHT - 20; wy += 34) {
                    for (int wx = x + 10; wx < x + w - 16; wx += 24) {
                        if (random.nextInt(10) < 3) {
                            g.fillRect(wx, wy, 10, 16);
                        }
                    }
                }
                x += w + random.nextInt(12);
            }
        }
    }

    private static void crowd(Graphics2D g, float hue, Random random) {
        for (int row = 0; row < 4; row++) {
            double scale = 0.6 + row * 0.35;
            g.setColor(Color.getHSBColor((hue + 0.5f) % 1f, 0.25f, 0.45f - row * 0.1f));
            int baseline = 620 + row * 140;
            for (double x = -40 + random.nextInt(40); x < WIDTH + 40; x += (70 + random.nextInt(40)) * scale) {
                double head = 46 * scale;
                double top = baseline - random.nextInt(30) * scale;
                g.fill(new Ellipse2D.Double(x, top, head, head * 1.2));
                g.fill(new RoundRectangle2D.Double(x - head * 0.6, top + head * 1.15, head * 2.2, HEIGHT, head, head));
                if (row == 1 && random.nextInt(9) == 0) {
                    g.fillRect((int) (x + head / 2), (int) (top - 180), 6, 180);
                    g.setColor(Color.getHSBColor(hue, 0.6f, 0.9f));
                    g.fillRect((int) (x + head / 2) - 70, (int) (top - 250), 150, 90);
                    g.setColor(Color.getHSBColor((hue + 0.5f) % 1f, 0.25f, 0.45f - row * 0.1f));
                }
            }
        }
    }

    private static void chart(Graphics2D g, float hue, Random random) {
        int bars = 10 + random.nextInt(8);
        int barW = (WIDTH - 200) / bars;
        double value = 300 + random.nextInt(200);
        int[] xs = new int[bars];
        int[] ys = new int[bars];
        for (int i = 0; i < bars; i++) {
            value = Math.max(80, Math.min(820, value + random.nextInt(201) - 110));
            int x = 100 + i * barW;
            g.setColor(Color.getHSBColor((hue + i * 0.01f) % 1f, 0.5f, 0.35f + 0.03f * (i % 5)));
            g.fillRect(x + 8, (int) (HEIGHT - value), barW - 16, (int) value);
            xs[i] = x + barW / 2;
            ys[i] = (int) (HEIGHT - value - 40);
        }
        g.setColor(new Color(255, 255, 255, 200));
        g.setStroke(new java.awt.BasicStroke(8f, java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND));
        g.drawPolyline(xs, ys, bars);
    }

    private static void shapes(Graphics2D g, float hue, Random random) {
        for (int i = 0; i < 26; i++) {
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.25f + random.nextFloat() * 0.5f));
            g.setColor(Color.getHSBColor((hue + random.nextFloat() * 0.3f) % 1f, 0.6f, 0.4f + random.nextFloat() * 0.6f));
            int size = 80 + random.nextInt(420);
            int x = random.nextInt(WIDTH) - size / 2;
            int y = random.nextInt(HEIGHT) - size / 2;
            if (random.nextBoolean()) {
                g.fillOval(x, y, size, size);
            } else {
                g.rotate(random.nextDouble() - 0.5, x + size / 2.0, y + size / 2.0);
                g.fillRect(x, y, size, size / 3);
                g.setTransform(new java.awt.geom.AffineTransform());
            }
        }
        g.setComposite(AlphaComposite.SrcOver);
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    private static byte[] jpeg(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
