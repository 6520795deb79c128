package io.scenicpass.examples.ota;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javax.imageio.ImageIO;

/** Renders a ticket's QR text (the signed pass) for a terminal and as a PNG file, with ZXing. */
public final class QrCodes {
    private QrCodes() {}

    /**
     * Encodes text as a QR code (ECC level M, 4-module quiet zone).
     *
     * @param text the text, e.g. the ticket's {@code QRCODE} delivery value
     * @param size the requested size in pixels (0 = one pixel per module)
     * @return the module matrix
     */
    public static BitMatrix encode(String text, int size) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code: " + e.getMessage(), e);
        }
    }

    /**
     * Draws the QR code with Unicode half blocks, two module rows per text line, quiet zone included.
     *
     * @param text the text to encode
     * @param darkTerminal true for light-on-dark terminals (light modules are printed as ink), false for
     *     dark-on-light ones (dark modules are printed as ink)
     * @return the drawing
     */
    public static String ascii(String text, boolean darkTerminal) {
        BitMatrix m = encode(text, 0);
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y += 2) {
            for (int x = 0; x < m.getWidth(); x++) {
                boolean top = m.get(x, y) != darkTerminal;
                boolean bottom = (y + 1 < m.getHeight() ? m.get(x, y + 1) : false) != darkTerminal;
                sb.append(top && bottom ? '\u2588' : top ? '\u2580' : bottom ? '\u2584' : ' ');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Writes the QR code as a black-on-white PNG.
     *
     * @param text the text to encode
     * @param size the image size in pixels
     * @param file where to write it
     * @throws IOException when the file cannot be written
     */
    public static void writePng(String text, int size, Path file) throws IOException {
        BitMatrix m = encode(text, size);
        BufferedImage img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                img.setRGB(x, y, m.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
