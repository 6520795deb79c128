package io.scenicpass.face.opencv;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A labelled set of faces made here, since no photo set can ship with the project: each identity is a face drawn
 * with its own shape, eye spacing and size, iris shade, brows, nose and mouth; each capture of it moves, turns and
 * scales it a little and changes the light, the background and the sensor noise, like two visits to one lane. The
 * error rates measured on it describe the pipeline, not a population of real faces (docs/benchmarks.md says so).
 */
final class SyntheticFaces {
    static final int SIDE = 240;

    private SyntheticFaces() {}

    /** Capture {@code capture} of identity {@code identity}, as PNG bytes. */
    static byte[] png(int identity, int capture) {
        return png(draw(identity, capture, true));
    }

    /** The same face with the eyes closed (covered by skin): no eyes to align on. */
    static byte[] eyesClosed(int identity) {
        return png(draw(identity, 0, false));
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage draw(int identity, int capture, boolean eyesOpen) {
        Random id = new Random(identity * 1_000_003L);
        Random cap = new Random(identity * 7919L + capture * 104_729L + 1);
        BufferedImage img = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(grey(60 + cap.nextInt(60)));
        g.fillRect(0, 0, SIDE, SIDE);
        g.translate(SIDE / 2.0 + cap.nextGaussian() * 4, SIDE / 2.0 + cap.nextGaussian() * 4);
        g.rotate(cap.nextGaussian() * 0.05);
        double scale = 1 + cap.nextGaussian() * 0.04;
        g.scale(scale, scale);
        int fw = 110 + id.nextInt(30);
        int fh = 140 + id.nextInt(30);
        int skin = 170 + id.nextInt(50) + (int) (cap.nextGaussian() * 8);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(0, -10), fh * 0.7f, new float[] {0f, 1f}, new Color[] {
            grey(skin + 20), grey(skin - 60)
        }));
        g.fillOval(-fw / 2, -fh / 2, fw, fh);
        int eyeY = -15 + id.nextInt(12);
        int eyeX = 22 + id.nextInt(8);
        int ew = 20 + id.nextInt(8);
        int eh = 9 + id.nextInt(4);
        int iris = 40 + id.nextInt(60);
        for (int side = -1; side <= 1; side += 2) {
            int cx = side * eyeX;
            g.setColor(grey(skin - 35));
            g.fillOval(cx - ew / 2 - 4, eyeY - eh / 2 - 5, ew + 8, eh + 9);
            if (eyesOpen) {
                g.setColor(grey(235));
                g.fillOval(cx - ew / 2, eyeY - eh / 2, ew, eh + 2);
                g.setColor(grey(iris));
                g.fillOval(cx - eh / 2 - 1, eyeY - eh / 2, eh + 2, eh + 2);
                g.setColor(grey(10));
                g.fillOval(cx - 2, eyeY - 1, 4, 4);
            }
            g.setColor(grey(30));
            g.setStroke(new BasicStroke(2));
            g.drawArc(cx - ew / 2, eyeY - eh / 2 - 1, ew, eh + 2, 0, 180);
        }
        int browY = eyeY - 12 - id.nextInt(6);
        int bw = 20 + id.nextInt(10);
        g.setColor(grey(40));
        g.setStroke(new BasicStroke(3 + id.nextInt(3)));
        g.drawLine(-eyeX - bw / 2, browY + id.nextInt(4), -eyeX + bw / 2, browY);
        g.drawLine(eyeX - bw / 2, browY, eyeX + bw / 2, browY + id.nextInt(4));
        int noseL = 18 + id.nextInt(12);
        g.setColor(grey(skin - 50));
        g.drawLine(0, eyeY + 5, -4, eyeY + 5 + noseL);
        g.drawLine(-4, eyeY + 5 + noseL, 5, eyeY + 5 + noseL);
        int mouthY = eyeY + noseL + 18 + id.nextInt(10);
        int mw = 26 + id.nextInt(20);
        g.setColor(grey(90));
        g.setStroke(new BasicStroke(3));
        g.drawArc(-mw / 2, mouthY - 8, mw, 10 + id.nextInt(8), 180, 180);
        g.dispose();
        addNoise(img, cap, 6);
        return img;
    }

    private static void addNoise(BufferedImage img, Random r, double sigma) {
        var raster = img.getRaster();
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int v = raster.getSample(x, y, 0) + (int) Math.round(r.nextGaussian() * sigma);
                raster.setSample(x, y, 0, Math.max(0, Math.min(255, v)));
            }
        }
    }

    private static Color grey(int v) {
        int c = Math.max(0, Math.min(255, v));
        return new Color(c, c, c);
    }
}
