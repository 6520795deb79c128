package io.scenicpass.examples.ota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrCodesTest {
    private static final String TEXT = "SP1:6BFOXN*TS0BI$ZD4N9:9S6RCVN5+O30K3/XIV0W23NTDEMWK4MI6UOS03CR83KLBKAVP4";

    @Test
    void asciiHasTwoModuleRowsPerLineAndInvertsForLightTerminals() {
        BitMatrix m = QrCodes.encode(TEXT, 0);
        String dark = QrCodes.ascii(TEXT, true);
        String light = QrCodes.ascii(TEXT, false);
        String[] lines = dark.split("\n");
        assertThat(lines).hasSize((m.getHeight() + 1) / 2);
        assertThat(lines[0]).hasSize(m.getWidth()).matches("\u2588+"); // quiet zone printed as ink on dark terminals
        assertThat(light.split("\n")[0]).matches(" +"); // and as blank on light ones
        assertThat(dark).isNotEqualTo(light);
    }

    @Test
    void pngDecodesBackToTheText(@TempDir Path tmp) throws Exception {
        Path png = tmp.resolve("sub/dir/ticket.png");
        QrCodes.writePng(TEXT, 300, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(300);
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        assertThat(new QRCodeReader()
                        .decode(
                                new BinaryBitmap(new HybridBinarizer(
                                        new RGBLuminanceSource(img.getWidth(), img.getHeight(), px))),
                                java.util.Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                        .getText())
                .isEqualTo(TEXT);
    }

    @Test
    void tooLongTextIsAClearError() {
        assertThatThrownBy(() -> QrCodes.encode("x".repeat(5000), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit");
    }

    @Test
    void exampleArgumentErrorsExitWithUsage() {
        assertThat(OtaBookingExample.run(new String[] {"positional"})).isEqualTo(2);
        assertThat(OtaBookingExample.run(new String[] {"--base-url"})).isEqualTo(2);
        assertThat(OtaBookingExample.run(new String[] {"--demo-json", "/nonexistent/demo.json"}))
                .isEqualTo(2);
        assertThat(OtaBookingExample.parse(new String[] {"--base-url=http://x", "--light-terminal", "--adults", "3"}))
                .isEqualTo(Map.of("base-url", "http://x", "light-terminal", "true", "adults", "3"));
    }

    @Test
    void unreachableServerIsReportedNotThrown() {
        assertThat(OtaBookingExample.run(new String[] {"--base-url", "http://127.0.0.1:1", "--api-key", "k"}))
                .isEqualTo(1);
    }
}
