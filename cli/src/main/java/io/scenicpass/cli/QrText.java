package io.scenicpass.cli;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.EnumMap;
import java.util.Map;

/** A QR code drawn with Unicode half blocks, two module rows per text line. */
final class QrText {
    private QrText() {}

    /**
     * @param text what to encode
     * @param lightOnDark true to draw light modules as blocks (scans on dark terminal backgrounds)
     * @return the QR code as lines of text
     */
    static String render(String text, boolean lightOnDark) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.MARGIN, 2);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as QR: " + e.getMessage(), e);
        }
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y += 2) {
            for (int x = 0; x < m.getWidth(); x++) {
                boolean top = ink(m, x, y, lightOnDark);
                boolean bottom = y + 1 < m.getHeight() ? ink(m, x, y + 1, lightOnDark) : lightOnDark;
                sb.append(top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static boolean ink(BitMatrix m, int x, int y, boolean lightOnDark) {
        return m.get(x, y) != lightOnDark;
    }
}
