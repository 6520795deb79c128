package io.scenicpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

/** The text QR code scans back to the pass text, in both colour schemes. */
class QrTextTest {
    /** The picture is drawn, not photographed: the pure-barcode reader never misses a finder pattern. */
    private static final java.util.Map<com.google.zxing.DecodeHintType, Object> PURE_IMAGE =
            java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE);

    private static final String TEXT = "SP1PWGSLK/-4BR8*AW6L1*6BH:KN69:+AG0D*15J.5PED0$CL2EGECX CIJ0DS8ECBDB8BZA/RAMB0";

    @Test
    void scansBack() throws Exception {
        for (boolean lightOnDark : new boolean[] {true, false}) {
            assertThat(scan(QrText.render(TEXT, lightOnDark), lightOnDark)).isEqualTo(TEXT);
        }
    }

    /** Paints each half block as 4x4 pixels (blocks are "ink"), then reads it with ZXing. */
    private static String scan(String art, boolean inkIsLight) throws Exception {
        String[] rows = art.split("\n");
        int w = rows[0].length();
        int h = rows.length * 2;
        int scale = 4;
        int[] px = new int[w * scale * h * scale];
        for (int r = 0; r < rows.length; r++) {
            for (int x = 0; x < w; x++) {
                char c = rows[r].charAt(x);
                boolean top = c == '█' || c == '▀';
                boolean bottom = c == '█' || c == '▄';
                paint(px, w * scale, x, 2 * r, scale, top != inkIsLight);
                paint(px, w * scale, x, 2 * r + 1, scale, bottom != inkIsLight);
            }
        }
        RGBLuminanceSource src = new RGBLuminanceSource(w * scale, h * scale, px);
        return new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(src)), PURE_IMAGE)
                .getText();
    }

    private static void paint(int[] px, int stride, int mx, int my, int scale, boolean dark) {
        for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
                px[(my * scale + dy) * stride + mx * scale + dx] = dark ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
    }
}
